package org.openimr.sla;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Component;

/**
 * "Set determination deadline": the records are complete, so the determination clock (D8) runs
 * from their receipt, not from the moment the check ended. The timers of "Make determination"
 * read the dates set here.
 */
@Component("setDeterminationDeadline")
class SetDeterminationDeadlineDelegate implements JavaDelegate {

    private final SlaClock clock;
    private final SlaRecord record;

    SetDeterminationDeadlineDelegate(SlaClock clock, SlaRecord record) {
        this.clock = clock;
        this.record = record;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant received = SlaDates.get(execution, SlaVariables.RECORDS_RECEIVED_AT);
        Instant complete = received != null ? received : CaseClock.now();
        SlaDates.set(execution, SlaVariables.RECORDS_COMPLETE_AT, complete);
        clock.startDeterminationClock(execution, complete);
        record.copy(execution);
    }
}
