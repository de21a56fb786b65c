package org.openimr.letter;

import io.swagger.v3.oas.annotations.Operation;
import org.openimr.intake.CaseRecord;
import org.openimr.intake.CaseRegistry;
import org.openimr.system.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads a case's final determination letter as PDF: the latest version, or one named. */
@RestController
class LetterController {

    private final CaseRegistry registry;
    private final LetterService letters;

    LetterController(CaseRegistry registry, LetterService letters) {
        this.registry = registry;
        this.letters = letters;
    }

    @Operation(summary = "Download the final determination letter (PDF)")
    @GetMapping(path = "/api/cases/{caseNumber}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable String caseNumber, @RequestParam(required = false) Integer version) {
        CaseRecord record = registry.findByCaseNumber(caseNumber)
                .orElseThrow(() -> new NotFoundException("No case " + caseNumber));
        StoredLetter letter = (version == null
                ? letters.latest(record.id(), LetterKind.FINAL_DETERMINATION)
                : letters.version(record.id(), LetterKind.FINAL_DETERMINATION, version))
                .orElseThrow(() -> new NotFoundException("Case " + caseNumber + " has no such letter"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(caseNumber + "-final-determination-v" + letter.version() + ".pdf").build().toString())
                .body(letters.pdf(letter));
    }
}
