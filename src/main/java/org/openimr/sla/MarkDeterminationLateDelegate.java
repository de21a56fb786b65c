package org.openimr.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Mark determination late": the determination deadline (D8) passed. The case goes on: a late
 * determination stays valid and binding (CHP v. WCAB (Margaris), 2016).
 */
@Component("markDeterminationLate")
class MarkDeterminationLateDelegate implements JavaDelegate {

    private final SlaStatusChange statusChange;

    MarkDeterminationLateDelegate(SlaStatusChange statusChange) {
        this.statusChange = statusChange;
    }

    @Override
    public void execute(DelegateExecution execution) {
        statusChange.apply(execution, SlaStatus.BREACHED);
    }
}
