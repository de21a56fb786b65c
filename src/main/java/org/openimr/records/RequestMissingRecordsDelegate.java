package org.openimr.records;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRegistry;
import org.openimr.sla.Deadlines;
import org.openimr.system.CaseClock;
import org.openimr.system.FormDates;
import org.springframework.stereotype.Component;

/**
 * "Request missing records": the completeness check found gaps; the request names them and
 * gives the claims administrator a new due date under the same rule as the first request.
 */
@Component("requestMissingRecords")
class RequestMissingRecordsDelegate implements JavaDelegate {

    private final CaseRegistry registry;
    private final Documents documents;
    private final Deadlines deadlines;

    RequestMissingRecordsDelegate(CaseRegistry registry, Documents documents, Deadlines deadlines) {
        this.registry = registry;
        this.documents = documents;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = registry.caseOf(execution).id();
        Instant due = deadlines.recordsDue(CaseClock.now(), "ELECTRONIC".equals(execution.getVariable("noticeDelivery")),
                Boolean.TRUE.equals(execution.getVariable("expedited")));
        Object checkedBy = execution.getVariable("recordsCheckedBy");
        documents.request(caseId, "ADDITIONAL", due, (String) execution.getVariable("missingRecordsNote"),
                checkedBy == null ? "intake" : checkedBy.toString());
        FormDates.set(execution, "recordsDueAt", due);
    }
}
