package org.openimr.records;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openimr.cases.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * How often "Follow up overdue records" comes back to a supervisor while the records stay overdue:
 * one interval after the records were due, then every interval, until the records arrive or the
 * supervisor goes on with the records on file. The interval is {@code imr.records.follow-up-reminder}
 * (7 days unless configured), {@code imr.records.expedited-follow-up-reminder} (a day) in an expedited
 * review. Used in the BPMN as the reminder timer's cycle: {@code ${recordsFollowUp.reminderCycle(execution)}}
 * (public, as the expression language calls it); a conversion to expedited review recomputes it
 * (sla.RecomputeDeadlinesDelegate), and the engine reads it again each time the reminder comes.
 */
@Component("recordsFollowUp")
public class RecordsFollowUpReminders {

    private final Duration interval;
    private final Duration expeditedInterval;

    RecordsFollowUpReminders(RecordsFollowUpProperties properties) {
        this.interval = properties.followUpReminder();
        this.expeditedInterval = properties.expeditedFollowUpReminder();
    }

    public String reminderCycle(DelegateExecution execution) {
        Date due = (Date) execution.getVariable("recordsDueAt");
        Duration every = Boolean.TRUE.equals(execution.getVariable(CaseVariables.EXPEDITED)) ? expeditedInterval : interval;
        return "R/" + due.toInstant().plus(every) + "/" + every;
    }
}
