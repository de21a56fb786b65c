package org.openimr.sla;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Component;

/** "Set determination deadline": the records are complete, so the determination clock starts (D8). */
@Component("setDeterminationDeadline")
class SetDeterminationDeadlineDelegate implements JavaDelegate {

    private final Deadlines deadlines;

    SetDeterminationDeadlineDelegate(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant complete = CaseClock.now();
        Instant due = deadlines.determinationDue(complete, Boolean.TRUE.equals(execution.getVariable("expedited")));
        execution.setVariable("recordsCompleteAt", CaseClock.toDate(complete));
        execution.setVariable("determinationDueAt", CaseClock.toDate(due));
        execution.setVariable("slaStatus", "ON_TRACK");
    }
}
