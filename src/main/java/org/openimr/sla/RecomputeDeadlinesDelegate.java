package org.openimr.sla;

import static org.openimr.sla.SlaVariables.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.openimr.cases.CaseVariables;
import org.openimr.system.CaseClock;
import org.openimr.system.FormDates;
import org.springframework.stereotype.Component;

/**
 * "Recompute deadlines" of the conversion to expedited review (8 CCR 9792.10.4(c)): every
 * deadline still open shortens to its expedited length from now (records 24 hours, determination
 * 3 days), never beyond what it was; the waiting timers and the open tasks' dates move with it.
 */
@Component("recomputeDeadlines")
class RecomputeDeadlinesDelegate implements JavaDelegate {

    private final Deadlines deadlines;
    private final SlaClock clock;
    private final SlaRecord record;

    RecomputeDeadlinesDelegate(Deadlines deadlines, SlaClock clock, SlaRecord record) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.record = record;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable(CaseVariables.EXPEDITED))) {
            return;
        }
        Instant now = CaseClock.now();
        Date oldDue = (Date) execution.getVariable(SLA_DUE_AT);
        Date oldFollowUp = (Date) execution.getVariable(DETERMINATION_AT_RISK_AT);
        execution.setVariable(CaseVariables.EXPEDITED, true);
        SlaDates.set(execution, EXPEDITED_SINCE, now);

        if (RECORDS.equals(execution.getVariable(SLA_DEADLINE))) {
            Instant recordsDue = SlaDates.get(execution, RECORDS_DUE_AT);
            if (recordsDue != null && recordsDue.isAfter(now)) {
                Instant expedited = deadlines.recordsDueOnConversion(recordsDue, now);
                FormDates.set(execution, RECORDS_DUE_AT, expedited);
                SlaDates.set(execution, SLA_DUE_AT, expedited);
            }
        } else if (DETERMINATION.equals(execution.getVariable(SLA_DEADLINE))) {
            Instant complete = SlaDates.get(execution, RECORDS_COMPLETE_AT);
            Instant start = complete != null ? complete : SlaDates.get(execution, RECORDS_RECEIVED_AT);
            clock.startDeterminationClock(execution, start);
        }
        record.copy(execution);
        SlaTimers.reschedule(execution);
        moveTaskDates(execution, oldDue, oldFollowUp);
    }

    /** Open tasks dated by the old deadline take the new one; escalation tasks keep theirs. */
    private static void moveTaskDates(DelegateExecution execution, Date oldDue, Date oldFollowUp) {
        Date newDue = (Date) execution.getVariable(SLA_DUE_AT);
        Date newFollowUp = (Date) execution.getVariable(DETERMINATION_AT_RISK_AT);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            boolean changed = false;
            if (oldDue != null && sameMoment(oldDue, task.getDueDate())) {
                task.setDueDate(newDue);
                changed = true;
            }
            if (oldFollowUp != null && sameMoment(oldFollowUp, task.getFollowUpDate())) {
                task.setFollowUpDate(newFollowUp);
                changed = true;
            }
            if (changed) {
                tasks.saveTask(task);
            }
        }
    }

    private static boolean sameMoment(Date a, Date b) {
        return b != null && a.getTime() == b.getTime();
    }
}
