package org.openimr.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the case's stage (a process variable Cockpit filters on, and the registry column the
 * API reports) as the case moves; called from execution listeners in the BPMN:
 * {@code ${caseStage.enter(execution, 'AWAITING_RECORDS')}}. A stage is where a case waits (a
 * receive or user task) or how it ended. Registration, screening and an automatic selection pass
 * inside the transaction that leads to the next wait, where no one sees them, so they set none
 * (each set is a history row and a registry update).
 */
@Component("caseStage")
public class CaseStageListener {

    private final CaseRegistry registry;

    CaseStageListener(CaseRegistry registry) {
        this.registry = registry;
    }

    public void enter(DelegateExecution execution, String stage) {
        if (stage.equals(execution.getVariable(CaseVariables.STAGE))) {
            return;  // each disputed item enters the stage its case is already in
        }
        execution.setVariable(CaseVariables.STAGE, stage);
        registry.updateStage((String) execution.getVariable(CaseVariables.CASE_NUMBER), stage);
    }
}
