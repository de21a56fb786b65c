package org.openimr.eligibility;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.InvalidInputException;
import org.openimr.system.TextRules;
import org.springframework.stereotype.Component;

/**
 * Completes "Screen application": checks the screener's decision (an override needs its reason,
 * a deferral a liability dispute, a request for information the party asked and what is missing,
 * duplicate items to leave out of the review, see {@link ExcludedItems})
 * and records it, with the findings it answered, in the case's screening history. The process
 * routes on {@code screeningDecision}.
 */
@Component("screenApplication")
class ScreenApplicationListener implements TaskListener {

    static final String DECISION = "screeningDecision";
    static final String REASON = "screeningReason";
    static final int MAX_REASON = 2000;

    private final CaseRegistry registry;
    private final ScreeningHistory history;

    ScreenApplicationListener(CaseRegistry registry, ScreeningHistory history) {
        this.registry = registry;
        this.history = history;
    }

    @Override
    public void notify(DelegateTask task) {
        ScreeningDecision decision = ScreeningDecision.of(task.getVariable(DECISION));
        String reason = task.getVariable(REASON) instanceof String text && !text.isBlank() ? text.strip() : null;
        if (decision == ScreeningDecision.ELIGIBLE && reason == null) {
            throw new InvalidInputException(REASON, "is required to override the findings");
        }
        if (reason != null) {
            String refused = reason.length() > MAX_REASON ? "must be at most " + MAX_REASON + " characters"
                    : TextRules.problem(reason);
            if (refused != null) {
                throw new InvalidInputException(REASON, refused);
            }
        }
        String findings = (String) task.getVariable(Findings.CODES);
        if (decision == ScreeningDecision.DEFER && !Findings.codes(findings).contains(Findings.LIABILITY_DISPUTED)) {
            throw new InvalidInputException(DECISION, "may be DEFER only when liability is disputed (E6)");
        }
        if (decision == ScreeningDecision.REQUEST_INFORMATION) {
            InformationRequest request = InformationRequest.of(task);
            reason = request.summary();
            task.setVariable(InformationRequest.REQUESTS, InformationRequest.count(task) + 1);
        }
        if (decision == ScreeningDecision.EXCLUDE_ITEMS) {
            String excluded = ExcludedItems.apply(task, registry, registry.caseOf(task));
            reason = "Items left out of the review: " + excluded;
        }
        history.record(registry.caseOf(task).id(), findings, decision, reason, task.getAssignee());
    }
}
