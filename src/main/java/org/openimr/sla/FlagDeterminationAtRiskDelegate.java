package org.openimr.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Flag determination at risk": the configured share of the determination period is used. The
 * reviewer's open tasks move up in Tasklist; the supervisor gets a task of its own.
 */
@Component("flagDeterminationAtRisk")
class FlagDeterminationAtRiskDelegate implements JavaDelegate {

    private final SlaStatusChange statusChange;

    FlagDeterminationAtRiskDelegate(SlaStatusChange statusChange) {
        this.statusChange = statusChange;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // A case already late stays late.
        if (SlaStatusChange.current(execution) == SlaStatus.ON_TRACK) {
            statusChange.apply(execution, SlaStatus.AT_RISK);
        }
    }
}
