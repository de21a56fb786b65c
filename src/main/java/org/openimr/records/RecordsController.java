package org.openimr.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Medical records described only, without their files: a metadata-only delivery, for records the
 * claims administrator's system reports but keeps on paper. Files are delivered to
 * {@link DocumentsController}; documents described here are listed as such ("described only").
 */
@RestController
class RecordsController {

    private final RecordsService records;

    RecordsController(RecordsService records) {
        this.records = records;
    }

    @Operation(summary = "Record documents received for a case without their files (a metadata-only delivery): "
            + "title, author, date and pages of each, optionally the sender; they are listed as described only")
    @PostMapping(path = "/api/cases/{caseNumber}/records", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    RecordsService.Receipt receive(@PathVariable String caseNumber, @RequestBody JsonNode body, Principal principal) {
        return records.receive(caseNumber, RecordsService.parse(body), principal.getName());
    }
}
