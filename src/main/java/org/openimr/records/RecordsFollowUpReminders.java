package org.openimr.records;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * How often "Follow up overdue records" comes back to a supervisor while the records stay overdue
 * ({@code imr.records.follow-up-reminder}, an ISO-8601 duration, 7 days unless configured): one
 * interval after the records were due, then every interval, until the records arrive or the
 * supervisor goes on with the records on file. Used in the BPMN as the reminder timer's cycle:
 * {@code ${recordsFollowUp.reminderCycle(execution)}} (public, as the expression language calls it).
 */
@Component("recordsFollowUp")
public class RecordsFollowUpReminders {

    private final Duration interval;

    RecordsFollowUpReminders(RecordsFollowUpProperties properties) {
        this.interval = properties.followUpReminder();
    }

    public String reminderCycle(DelegateExecution execution) {
        Date due = (Date) execution.getVariable("recordsDueAt");
        return "R/" + due.toInstant().plus(interval) + "/" + interval;
    }
}
