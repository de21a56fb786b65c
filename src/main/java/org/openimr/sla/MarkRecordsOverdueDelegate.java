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

    @Override
    public void execute(DelegateExecution execution) {
        SlaStatusChange.apply(execution, SlaStatus.BREACHED);
    }
}
