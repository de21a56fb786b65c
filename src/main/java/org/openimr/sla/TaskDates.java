package org.openimr.sla;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Component;

/**
 * Due dates, follow-up dates and priorities of the case's user tasks, all derived from the
 * deadline running now, so that Tasklist's due-date sort is a sort by statutory deadline. Used in
 * the BPMN as {@code camunda:dueDate="${slaTasks.due(execution)}"} and the like.
 */
@Component("slaTasks")
public class TaskDates {

    private final Deadlines deadlines;

    TaskDates(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** Work on the case is due when the case is: at the deadline running now. */
    public Date due(DelegateExecution execution) {
        return CaseClock.toDate(SlaDates.get(execution, SlaVariables.SLA_DUE_AT));
    }

    /** Look again when the case turns at risk (the records deadline has no at-risk point: at its end). */
    public Date followUp(DelegateExecution execution) {
        Instant atRisk = SlaDates.get(execution, SlaVariables.DETERMINATION_AT_RISK_AT);
        boolean determination = SlaVariables.DETERMINATION.equals(execution.getVariable(SlaVariables.SLA_DEADLINE));
        return determination && atRisk != null ? CaseClock.toDate(atRisk) : due(execution);
    }

    /** A supervisor acts on a missed deadline by the close of the next business day. */
    public Date escalationDue(DelegateExecution execution) {
        Instant missed = SlaDates.get(execution, SlaVariables.SLA_DUE_AT);
        return CaseClock.toDate(deadlines.endOfNextBusinessDay(missed != null ? missed : CaseClock.now()));
    }

    public int priority(DelegateExecution execution) {
        return SlaStatusChange.current(execution).taskPriority();
    }
}
