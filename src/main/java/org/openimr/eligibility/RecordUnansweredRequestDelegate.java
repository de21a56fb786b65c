package org.openimr.eligibility;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * "Record unanswered request": the party did not answer screening's request for information by its
 * deadline (D2), so the application is incomplete (E9, 8 CCR 9792.10.3(a)(1),(c)). The finding
 * joins the others, for the ineligibility notice, and the screening history says so.
 */
@Component("recordUnansweredRequest")
class RecordUnansweredRequestDelegate implements JavaDelegate {

    static final String INCOMPLETE = "E9";
    static final String DECISION = "INFORMATION_NOT_RECEIVED";

    private final CaseRegistry registry;
    private final ScreeningHistory history;

    RecordUnansweredRequestDelegate(CaseRegistry registry, ScreeningHistory history) {
        this.registry = registry;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InformationRequest request = InformationRequest.of(execution);
        String reason = "The information requested from the " + request.party().label() + " (" + request.requested().replaceAll("\\s+", " ")
                + ") was not received by " + execution.getVariable("informationDueAtText")
                + "; the application is incomplete (8 CCR 9792.10.3(a)(1), (c)).";
        Findings.remove(execution, Consolidation.FINDING);  // an earlier case to join is no reason to be ineligible
        Findings.put(execution, INCOMPLETE, reason);
        history.record(registry.caseOf(execution).id(), (String) execution.getVariable(Findings.CODES), DECISION, reason,
                "system");
    }
}
