package org.openimr.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.openimr.publication.Releases.ReleasedItem;
import org.openimr.publication.Releases.ReleasedText;
import org.openimr.system.InputReader;
import org.openimr.system.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The redacted export of the determinations of a period, for publication by the Division, and the
 * release by hand of a determination the export withholds.
 */
@RestController
class PublicationController {

    private final Publications publications;

    PublicationController(Publications publications) {
        this.publications = publications;
    }

    @Operation(summary = "Determinations issued from 'from' to 'to' (inclusive), redacted; those that cannot be are withheld")
    @GetMapping(path = "/api/publication", produces = MediaType.APPLICATION_JSON_VALUE)
    Publications.Export export(@RequestParam String from, @RequestParam String to) {
        return exportOf(from, to);
    }

    @Operation(summary = "The determinations issued from 'from' to 'to' (inclusive) that the export withholds, each with"
            + " what it still identifies (by kind): the supervisors' list to redact and release")
    @GetMapping(path = "/api/publication/withheld", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Publications.Withheld> withheld(@RequestParam String from, @RequestParam String to) {
        return exportOf(from, to).withheld();
    }

    @Operation(summary = "A determination's text as the export would publish it, for a person to redact, with what it still identifies")
    @GetMapping(path = "/api/publication/withheld/{caseNumber}/{reviewNo}", produces = MediaType.APPLICATION_JSON_VALUE)
    Publications.Draft draft(@PathVariable String caseNumber, @PathVariable int reviewNo) {
        return publications.draft(caseNumber, reviewNo);
    }

    @Operation(summary = "Release a determination's redacted text for publication; refused while it still holds an identifier of the case")
    @PostMapping(path = "/api/publication/withheld/{caseNumber}/{reviewNo}/release",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Publications.Draft release(@PathVariable String caseNumber, @PathVariable int reviewNo, @RequestBody JsonNode body,
            Principal principal) {
        return publications.release(caseNumber, reviewNo, releasedText(body), principal.getName());
    }

    private static ReleasedText releasedText(JsonNode body) {
        InputReader in = InputReader.of(body);
        String summary = in.text("clinicalSummary", true, 200_000);
        List<ReleasedItem> items = new ArrayList<>();
        in.objects("items", 1, 20, item -> {
            Integer itemNo = item.integer("itemNo", true, 1, 20);
            String treatment = item.text("treatment", true, 2000);
            String guideline = item.text("guideline", false, 4000);
            String rationale = item.text("rationale", true, 20_000);
            items.add(new ReleasedItem(itemNo == null ? 0 : itemNo, treatment, guideline, rationale));
        });
        in.rejectUnknownFields();
        in.throwIfInvalid();
        return new ReleasedText(summary, items);
    }

    private Publications.Export exportOf(String from, String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (first.plusDays(366).isBefore(last)) {
            throw new InvalidInputException("to", "must be within a year of from");
        }
        return publications.export(first, last);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a date as 2026-11-30");
        }
    }
}
