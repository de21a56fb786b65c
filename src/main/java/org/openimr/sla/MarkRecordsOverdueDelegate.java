package org.openimr.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Mark records overdue": the records deadline (D6) passed. From now on the late-records penalty
 * accrues; it is recorded when the records arrive ({@link SlaClock#recordsReceived}).
 */
@Component("markRecordsOverdue")
class MarkRecordsOverdueDelegate implements JavaDelegate {

    private final SlaStatusChange statusChange;

    MarkRecordsOverdueDelegate(SlaStatusChange statusChange) {
        this.statusChange = statusChange;
    }

    @Override
    public void execute(DelegateExecution execution) {
        statusChange.apply(execution, SlaStatus.BREACHED);
    }
}
