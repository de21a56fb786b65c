package org.openimr.sla;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.openimr.system.CaseClock;

/**
 * The deadline timers of the case process and the variable each one's date expression reads.
 * A timer's due date is fixed when the timer starts, so a changed deadline moves the timer here.
 */
final class SlaTimers {

    static final Map<String, String> DATE_VARIABLE_BY_TIMER = Map.of(
            "RecordsDueTimer", SlaVariables.RECORDS_DUE_AT,
            "DeterminationAtRiskTimer", SlaVariables.DETERMINATION_AT_RISK_AT,
            "DeterminationDueTimer", SlaVariables.DETERMINATION_DUE_AT);

    /** Reminder cycles computed from a deadline (the records follow-up's, from the records due date). */
    static final Set<String> CYCLE_TIMERS = Set.of("RecordsFollowUpReminderTimer");

    private SlaTimers() {
    }

    /**
     * Gives every waiting deadline timer of the case the date its variable holds now, and every
     * reminder cycle its next date from its own expression, read again now.
     */
    static void reschedule(DelegateExecution execution) {
        ManagementService management = execution.getProcessEngineServices().getManagementService();
        DATE_VARIABLE_BY_TIMER.forEach((timer, variable) -> {
            Instant due = SlaDates.get(execution, variable);
            for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                    .activityId(timer).timers().list()) {
                if (due != null && !due.equals(job.getDuedate().toInstant())) {
                    management.setJobDuedate(job.getId(), CaseClock.toDate(due));
                }
            }
        });
        for (String timer : CYCLE_TIMERS) {
            for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                    .activityId(timer).timers().list()) {
                management.recalculateJobDuedate(job.getId(), false);
            }
        }
    }
}
