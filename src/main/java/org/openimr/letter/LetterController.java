package org.openimr.letter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads a case's letter as PDF: the final determination letter unless a notice is named, the
 * latest version unless one is named. Only the people on the case may ({@link LetterApiAccess}): the
 * rule runs before this controller, so someone not on the case cannot tell which case numbers exist.
 */
@RestController
class LetterController {

    private final CaseRegistry registry;
    private final LetterService letters;

    LetterController(CaseRegistry registry, LetterService letters) {
        this.registry = registry;
        this.letters = letters;
    }

    @Operation(summary = "Download a letter of the case (PDF): the final determination letter, or a notice")
    @ApiResponse(responseCode = "200", description = "The PDF")
    @ApiResponse(responseCode = "403", description = "The case is not one of the caller's cases")
    @ApiResponse(responseCode = "404", description = "No such case, or no such letter or version")
    @GetMapping(path = "/api/cases/{caseNumber}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable String caseNumber,
            @Parameter(description = "A version; the latest when absent") @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "FINAL_DETERMINATION") LetterKind kind) {
        CaseRecord record = registry.caseOf(caseNumber);
        StoredLetter letter = (version == null
                ? letters.latest(record, kind)
                : letters.version(record, kind, version))
                .orElseThrow(() -> new NotFoundException("Case " + caseNumber + " has no such letter"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(caseNumber + "-" + kind.template() + "-v" + letter.version() + ".pdf").build().toString())
                .body(letters.pdf(letter));
    }
}
