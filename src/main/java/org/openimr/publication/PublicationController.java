package org.openimr.publication;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.openimr.system.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The redacted export of the determinations of a period, for publication by the Division. */
@RestController
class PublicationController {

    private final Publications publications;

    PublicationController(Publications publications) {
        this.publications = publications;
    }

    @Operation(summary = "Determinations issued from 'from' to 'to' (inclusive), redacted; those that cannot be are withheld")
    @GetMapping(path = "/api/publication", produces = MediaType.APPLICATION_JSON_VALUE)
    Publications.Export export(@RequestParam String from, @RequestParam String to) {
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
