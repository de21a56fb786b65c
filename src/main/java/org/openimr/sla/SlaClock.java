package org.openimr.sla;

import static org.openimr.sla.SlaVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openimr.cases.CaseVariables;
import org.openimr.system.CaseClock;
import org.openimr.system.FormDates;
import org.openimr.system.VariableWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts and stops the statutory clocks as the case moves; called from execution listeners in
 * the BPMN, e.g. {@code ${slaClock.recordsReceived(execution)}}. The variables it keeps are the
 * ones Cockpit filters on and the task due dates derive from.
 */
@Component("slaClock")
public class SlaClock {

    private static final Logger log = LoggerFactory.getLogger(SlaClock.class);

    private final Deadlines deadlines;
    private final SlaRecord record;

    SlaClock(Deadlines deadlines, SlaRecord record) {
        this.deadlines = deadlines;
        this.record = record;
    }

    /**
     * The eligibility table found something, and staff screen the application: the AD decides
     * "immediately" once it has what it needs (D3), which the screening task keeps to the close of
     * the next business day.
     */
    public void screeningStarted(DelegateExecution execution) {
        Instant due = deadlines.screeningDue(CaseClock.now());
        FormDates.set(execution, SCREENING_DUE_AT, due);
        VariableWrites.setIfChanged(execution, SLA_DEADLINE, SCREENING);
        SlaDates.set(execution, SLA_DUE_AT, due);
        VariableWrites.setIfChanged(execution, SLA_STATUS, SlaStatus.ON_TRACK.name());
        record.copy(execution);
    }

    /**
     * Screening asked a party for information: the case waits for the answer under its own deadline
     * (D2), which the request states and the timer that ends an unanswered request fires at.
     */
    public void informationRequested(DelegateExecution execution) {
        Instant due = deadlines.informationDue(CaseClock.now());
        FormDates.set(execution, INFORMATION_DUE_AT, due);
        VariableWrites.setIfChanged(execution, SLA_DEADLINE, INFORMATION);
        SlaDates.set(execution, SLA_DUE_AT, due);
        VariableWrites.setIfChanged(execution, SLA_STATUS, SlaStatus.ON_TRACK.name());
        record.copy(execution);
    }

    /**
     * The case is deferred until the claims administrator's liability determination (E6): it waits,
     * on no statutory clock, and the SLA views count it as deferred rather than due.
     */
    public void deferred(DelegateExecution execution) {
        VariableWrites.setIfChanged(execution, SLA_DEADLINE, LIABILITY);
        SlaDates.set(execution, SLA_DUE_AT, null);
        VariableWrites.setIfChanged(execution, SLA_STATUS, SlaStatus.ON_TRACK.name());
        record.copy(execution);
    }

    /** The case was found eligible: the notice of assignment is due within one business day (D4). */
    public void eligibilityFound(DelegateExecution execution) {
        Instant now = CaseClock.now();
        SlaDates.set(execution, ELIGIBLE_AT, now);
        SlaDates.set(execution, NOTICE_OF_ASSIGNMENT_DUE_AT, deadlines.noticeOfAssignmentDue(now));
    }

    /** The claims administrator owes records (first request or a request for missing ones): D6 runs. */
    public void awaitRecords(DelegateExecution execution) {
        Instant due = SlaDates.get(execution, RECORDS_DUE_AT);
        VariableWrites.setIfChanged(execution, SLA_DEADLINE, RECORDS);
        SlaDates.set(execution, SLA_DUE_AT, due);
        SlaStatus status = due != null && CaseClock.now().isAfter(due) ? SlaStatus.BREACHED : SlaStatus.ON_TRACK;
        VariableWrites.setIfChanged(execution, SLA_STATUS, status.name());
        // A delivery found incomplete started no determination clock after all.
        FormDates.remove(execution, DETERMINATION_DUE_AT);
        execution.removeVariable(DETERMINATION_AT_RISK_AT);
        record.copy(execution);
    }

    /**
     * Records arrived. Late ones add to the penalty (recorded here, when its days are known). If
     * the check finds them complete, the determination clock started now, so it runs provisionally
     * from here and gives the completeness check its due date.
     */
    public void recordsReceived(DelegateExecution execution) {
        Instant now = CaseClock.now();
        SlaDates.set(execution, RECORDS_RECEIVED_AT, now);
        int daysLate = LateRecordsPenalty.daysLate(SlaDates.get(execution, RECORDS_DUE_AT), now);
        if (daysLate > 0) {
            int totalDays = daysLate + intVariable(execution, RECORDS_DAYS_LATE);
            execution.setVariable(RECORDS_DAYS_LATE, totalDays);
            execution.setVariable(LATE_RECORDS_PENALTY, LateRecordsPenalty.dollars(totalDays));
            log.info("Case {}: records received {} days late, late-records penalty now ${}",
                    execution.getVariable(CaseVariables.CASE_NUMBER), daysLate, LateRecordsPenalty.dollars(totalDays));
        }
        startDeterminationClock(execution, now);
        VariableWrites.setIfChanged(execution, SLA_STATUS, SlaStatus.ON_TRACK.name());
        record.copy(execution);
    }

    /**
     * A supervisor decided to go on with the records on file (whatever the employee and the physician
     * sent) rather than wait longer for the claims administrator's: the late-records penalty counts
     * the days late until now, and the determination clock (D8) starts now, the records on file
     * being all the review will have.
     */
    public void recordsOnFile(DelegateExecution execution) {
        Instant now = CaseClock.now();
        int daysLate = LateRecordsPenalty.daysLate(SlaDates.get(execution, RECORDS_DUE_AT), now);
        if (daysLate > 0) {
            int totalDays = daysLate + intVariable(execution, RECORDS_DAYS_LATE);
            execution.setVariable(RECORDS_DAYS_LATE, totalDays);
            execution.setVariable(LATE_RECORDS_PENALTY, LateRecordsPenalty.dollars(totalDays));
        }
        SlaDates.set(execution, RECORDS_COMPLETE_AT, now);
        startDeterminationClock(execution, now);
        VariableWrites.setIfChanged(execution, SLA_STATUS, SlaStatus.ON_TRACK.name());
        record.copy(execution);
    }

    /** The final determination letter went out; a late one stays valid and is only marked late. */
    public void determinationIssued(DelegateExecution execution) {
        Instant now = CaseClock.now();
        Instant due = SlaDates.get(execution, DETERMINATION_DUE_AT);
        SlaDates.set(execution, DETERMINATION_ISSUED_AT, now);
        execution.setVariable(DETERMINATION_LATE, due != null && now.isAfter(due));
        record.copy(execution);
    }

    /**
     * Sets the determination deadline and its at-risk point; the SLA status is the caller's to set,
     * and so is the copy into the registry ({@link SlaRecord#copy}).
     */
    void startDeterminationClock(DelegateExecution execution, Instant recordsCompleteAt) {
        Deadlines.DeterminationClock clock = deadlines.determinationClock(
                SlaDates.get(execution, CaseVariables.APPLICATION_RECEIVED_DATE), recordsCompleteAt,
                Boolean.TRUE.equals(execution.getVariable(CaseVariables.EXPEDITED)),
                SlaDates.get(execution, EXPEDITED_SINCE),
                Boolean.TRUE.equals(execution.getVariable(CaseVariables.FORMULARY_DISPUTE)));
        FormDates.set(execution, DETERMINATION_DUE_AT, clock.dueAt());
        SlaDates.set(execution, DETERMINATION_AT_RISK_AT, clock.atRiskAt());
        VariableWrites.setIfChanged(execution, SLA_DEADLINE, DETERMINATION);
        SlaDates.set(execution, SLA_DUE_AT, clock.dueAt());
    }

    private static int intVariable(DelegateExecution execution, String name) {
        return execution.getVariable(name) instanceof Number number ? number.intValue() : 0;
    }
}
