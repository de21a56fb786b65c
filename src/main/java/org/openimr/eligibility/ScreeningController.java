package org.openimr.eligibility;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A case's screening history: each decision on the eligibility table's findings, with its reason. */
@RestController
@RequestMapping(path = "/api/cases/{caseNumber}/screening", produces = MediaType.APPLICATION_JSON_VALUE)
class ScreeningController {

    record ScreeningView(String caseNumber, List<ScreeningHistory.Entry> decisions) {
    }

    private final CaseRegistry registry;
    private final ScreeningHistory history;

    ScreeningController(CaseRegistry registry, ScreeningHistory history) {
        this.registry = registry;
        this.history = history;
    }

    @Operation(summary = "Read the case's screening decisions: the findings each answered, the decision, "
            + "the screener's reason, who and when")
    @GetMapping
    ScreeningView read(@PathVariable String caseNumber) {
        CaseRecord record = registry.caseOf(caseNumber);
        return new ScreeningView(record.caseNumber(), history.of(record.id()));
    }
}
