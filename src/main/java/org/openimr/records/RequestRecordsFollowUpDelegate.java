package org.openimr.records;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Request records follow-up": the records are overdue; the follow-up request is recorded for the supervisor. */
@Component("requestRecordsFollowUp")
class RequestRecordsFollowUpDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RequestRecordsFollowUpDelegate.class);

    private final CaseRegistry registry;
    private final Documents documents;

    RequestRecordsFollowUpDelegate(CaseRegistry registry, Documents documents) {
        this.registry = registry;
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        documents.request(record.id(), "FOLLOW_UP", null,
                "Records overdue: the claims administrator is reminded of 8 CCR 9792.10.5 and the penalty of 9792.12(c)(6)",
                "system");
        execution.setVariable("recordsOverdue", true);
        log.info("Case {}: medical records overdue, follow-up requested", record.caseNumber());
    }
}
