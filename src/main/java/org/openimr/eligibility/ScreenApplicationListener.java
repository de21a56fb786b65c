package org.openimr.eligibility;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.InvalidInputException;
import org.openimr.system.TextRules;
import org.springframework.stereotype.Component;

/**
 * Completes "Screen application": checks the screener's decision (an override needs its reason,
 * a deferral a liability dispute, a request for information the party asked and what is missing,
 * duplicate items to leave out of the review, see {@link ExcludedItems}, an earlier case to join, see
 * {@link Consolidation})
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
    private final Consolidation consolidation;

    ScreenApplicationListener(CaseRegistry registry, ScreeningHistory history, Consolidation consolidation) {
        this.registry = registry;
        this.history = history;
        this.consolidation = consolidation;
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
            task.setVariable(InformationRequest.ASKED, reason);
        }
        reason = consolidation(task, decision, reason);
        if (decision == ScreeningDecision.EXCLUDE_ITEMS) {
            String excluded = ExcludedItems.apply(task, registry, registry.caseOf(task));
            reason = "Items left out of the review: " + excluded;
        }
        history.record(registry.caseOf(task).id(), findings, decision, reason, task.getAssignee());
    }

    /**
     * A decision on the earlier case found to join (C1): joined (checked here, done by "Join
     * application to earlier case") or kept separate. Any other decision leaves the candidate aside:
     * not eligible is about the other findings, and the notice must not give C1 as a reason.
     */
    private String consolidation(DelegateTask task, ScreeningDecision decision, String reason) {
        String findings = (String) task.getVariable(Findings.CODES);
        List<String> codes = Findings.codes(findings);
        if (decision == ScreeningDecision.CONSOLIDATE) {
            CaseRecord into = consolidation.into(task, registry.caseOf(task), codes);
            String note = Consolidation.note(task, false);
            task.setVariable(Consolidation.INTO, into.caseNumber());
            task.setVariable(Consolidation.BY, task.getAssignee());
            return "Joined into case " + into.caseNumber() + (note == null ? "" : ": " + note);
        }
        if (decision == ScreeningDecision.KEEP_SEPARATE) {
            if (!codes.contains(Consolidation.FINDING)) {
                throw new InvalidInputException(DECISION,
                        "may be KEEP_SEPARATE only when an earlier case to join was found (" + Consolidation.FINDING + ")");
            }
            String note = Consolidation.note(task, true);
            String from = consolidation.keepSeparate(task, registry.caseOf(task));
            Findings.remove(task, Consolidation.FINDING);
            return "Kept separate from " + from + ": " + note;
        }
        if (decision == ScreeningDecision.INELIGIBLE && codes.contains(Consolidation.FINDING)) {
            if (codes.size() == 1) {
                throw new InvalidInputException(DECISION, "may not be INELIGIBLE when the only finding is an earlier "
                        + "case to join (" + Consolidation.FINDING + "): consolidate or keep separate");
            }
            Findings.remove(task, Consolidation.FINDING);
        }
        return reason;
    }
}
