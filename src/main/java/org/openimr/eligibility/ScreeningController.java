package org.openimr.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.util.List;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's screening: its history (each decision on the eligibility table's findings, with its
 * reason), the claims administrator's liability determination that ends a deferral, and a party's
 * answer to a request for information.
 */
@RestController
@RequestMapping(path = "/api/cases/{caseNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
class ScreeningController {

    record ScreeningView(String caseNumber, List<ScreeningHistory.Entry> decisions) {
    }

    private final CaseRegistry registry;
    private final ScreeningHistory history;
    private final LiabilityDeterminations determinations;
    private final InformationAnswers answers;

    ScreeningController(CaseRegistry registry, ScreeningHistory history, LiabilityDeterminations determinations,
            InformationAnswers answers) {
        this.registry = registry;
        this.history = history;
        this.determinations = determinations;
        this.answers = answers;
    }

    @Operation(summary = "Read the case's screening decisions: the findings each answered, the decision, "
            + "the reason, who and when")
    @GetMapping("/screening")
    ScreeningView read(@PathVariable String caseNumber) {
        CaseRecord record = registry.caseOf(caseNumber);
        return new ScreeningView(record.caseNumber(), history.of(record.id()));
    }

    @Operation(summary = "Record the claims administrator's liability determination: the deferred case goes on "
            + "(liability accepted) or ends as not eligible (not accepted)")
    @ApiResponse(responseCode = "200", description = "Recorded; answers with the case's screening history")
    @ApiResponse(responseCode = "400", description = "liabilityAccepted or determinationDate missing or invalid")
    @ApiResponse(responseCode = "404", description = "No such case")
    @ApiResponse(responseCode = "409", description = "The case is closed, or not deferred for a liability dispute")
    @PostMapping(path = "/liability-determination", consumes = MediaType.APPLICATION_JSON_VALUE)
    ScreeningView recordLiability(@PathVariable String caseNumber, @RequestBody JsonNode body, Principal principal) {
        determinations.record(caseNumber, LiabilityDeterminations.parse(body), principal.getName());
        return read(caseNumber);
    }

    @Operation(summary = "Record a party's answer to the request for information (completes the case's "
            + "\"Record information received\" task): the case goes back to \"Screen application\" with the answer shown")
    @ApiResponse(responseCode = "200", description = "Recorded; answers with the case's screening history")
    @ApiResponse(responseCode = "400", description = "answer missing or too long, receivedDate invalid, or document too long")
    @ApiResponse(responseCode = "404", description = "No such case")
    @ApiResponse(responseCode = "409", description = "The case is closed, or not waiting for requested information")
    @PostMapping(path = "/information-received", consumes = MediaType.APPLICATION_JSON_VALUE)
    ScreeningView recordAnswer(@PathVariable String caseNumber, @RequestBody JsonNode body, Principal principal) {
        answers.record(caseNumber, InformationAnswers.parse(body), principal.getName());
        return read(caseNumber);
    }
}
