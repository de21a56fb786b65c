package org.openimr.sla;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.SlaFigures;
import org.openimr.cases.Reviews;
import org.openimr.system.CaseClock;
import org.openimr.system.FormDates;
import org.openimr.system.VariableWrites;
import org.springframework.stereotype.Component;

/**
 * "Set remand deadline": the review after a remand runs from the receipt of the order, with the
 * records already on file, so the determination clock (D8) starts there as if the records were
 * complete then. The records deadline and late days of the first review stay on the case: the
 * Division's figures count them.
 */
@Component("setRemandDeadline")
class SetRemandDeadlineDelegate implements JavaDelegate {

    private final CaseRegistry registry;
    private final Reviews reviews;
    private final SlaClock clock;
    private final SlaRecord record;

    SetRemandDeadlineDelegate(CaseRegistry registry, Reviews reviews, SlaClock clock, SlaRecord record) {
        this.registry = registry;
        this.reviews = reviews;
        this.clock = clock;
        this.record = record;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord caseRecord = registry.caseOf(execution);
        Reviews.Remand remand = reviews.remand(caseRecord.id(), registry.reviewNo(caseRecord.id())).orElseThrow(
                () -> new IllegalStateException("Case " + caseRecord.caseNumber() + " is not under a remand"));
        SlaFigures before = registry.slaFigures(caseRecord.caseNumber());
        FormDates.set(execution, SlaVariables.RECORDS_DUE_AT, before.recordsDueAt());
        execution.setVariable(SlaVariables.RECORDS_DAYS_LATE, before.recordsDaysLate());
        Instant orderReceived = CaseClock.startOf(remand.orderReceivedDate());
        SlaDates.set(execution, SlaVariables.RECORDS_COMPLETE_AT, orderReceived);
        clock.startDeterminationClock(execution, orderReceived);
        VariableWrites.setIfChanged(execution, SlaVariables.SLA_STATUS, SlaStatus.ON_TRACK.name());
        record.copy(execution);
    }
}
