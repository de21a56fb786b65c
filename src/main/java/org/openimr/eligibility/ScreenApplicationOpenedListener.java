package org.openimr.eligibility;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Opens "Screen application" again after an earlier decision was carried out (an answer to a request
 * for information, a liability determination, items left out, an application kept separate): the
 * fields of that decision are cleared so that the form starts empty. What the screener still needs
 * stays: the findings, the answer with what was asked ({@value InformationRequest#ASKED}), the
 * duplicates, and the earlier case to join while it is still a finding.
 */
@Component("openScreenApplication")
class ScreenApplicationOpenedListener implements TaskListener {

    private static final List<String> DECISION_FIELDS = List.of(ScreenApplicationListener.DECISION,
            ScreenApplicationListener.REASON, InformationRequest.PARTY, InformationRequest.REQUESTED,
            ExcludedItems.EXCLUDED, Consolidation.NOTE);

    @Override
    public void notify(DelegateTask task) {
        for (String field : DECISION_FIELDS) {
            task.removeVariable(field);
        }
        if (!Findings.codes((String) task.getVariable(Findings.CODES)).contains(Consolidation.FINDING)) {
            task.removeVariable(Consolidation.INTO);
            task.removeVariable(Consolidation.SHOWN);
        }
    }
}
