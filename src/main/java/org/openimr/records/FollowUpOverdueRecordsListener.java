package org.openimr.records;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.InvalidInputException;
import org.openimr.system.TextRules;
import org.springframework.stereotype.Component;

/**
 * Completes "Follow up overdue records": the supervisor keeps waiting for the claims administrator's
 * records, or goes on with the records on file (whatever the employee and the physician sent,
 * 8 CCR 9792.10.6(b)(2)), giving the reason, which the case's records requests keep. Going on sets
 * {@code proceedWithRecordsOnFile}, which ends the wait for records in the case process.
 */
@Component("followUpOverdueRecords")
class FollowUpOverdueRecordsListener implements TaskListener {

    static final String DECISION = "followUpDecision";
    static final String REASON = "recordsOnFileReason";
    static final String PROCEED = "PROCEED_WITH_RECORDS_ON_FILE";
    static final String KEEP_WAITING = "KEEP_WAITING";
    static final int MAX_REASON = 2000;

    private final CaseRegistry registry;
    private final Documents documents;

    FollowUpOverdueRecordsListener(CaseRegistry registry, Documents documents) {
        this.registry = registry;
        this.documents = documents;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        if (decision == null || KEEP_WAITING.equals(decision)) {
            return;
        }
        if (!PROCEED.equals(decision)) {
            throw new InvalidInputException(DECISION, "must be one of " + KEEP_WAITING + ", " + PROCEED);
        }
        String reason = task.getVariable(REASON) instanceof String text && !text.isBlank() ? text.strip() : null;
        String refused = reason == null ? "is required to go on with the records on file"
                : reason.length() > MAX_REASON ? "must be at most " + MAX_REASON + " characters" : TextRules.problem(reason);
        if (refused != null) {
            throw new InvalidInputException(REASON, refused);
        }
        CaseRecord record = registry.caseOf(task);
        documents.request(record.id(), "PROCEED_ON_FILE", null, reason, task.getAssignee() == null ? "system"
                : task.getAssignee());
        task.setVariable(REASON, reason);
        task.setVariable("proceedWithRecordsOnFile", true);
    }
}
