package org.openimr.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseClosing;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseStatus;
import org.openimr.cases.CaseVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Close withdrawn case": records why the case ended and releases what it held. */
@Component("closeWithdrawnCase")
class CloseWithdrawnCaseDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CloseWithdrawnCaseDelegate.class);

    private final CaseRegistry registry;
    private final CaseClosing closing;

    CloseWithdrawnCaseDelegate(CaseRegistry registry, CaseClosing closing) {
        this.registry = registry;
        this.closing = closing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        String reason = (String) execution.getVariable("withdrawalReason");
        registry.updateStage(record.caseNumber(), "WITHDRAWN");
        closing.close(record, CaseStatus.WITHDRAWN, null, reason);
        execution.setVariable(CaseVariables.STAGE, "WITHDRAWN");
        log.info("Case {} withdrawn: {}", record.caseNumber(), reason);
    }
}
