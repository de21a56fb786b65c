package org.openimr.eligibility;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openimr.cases.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * Completes "Record information received": checks the answer intake recorded (what came, the date
 * it came, where the document is), shows it to the screener as {@code informationAnswer} and keeps
 * it in the case's screening history. The form's own fields are removed, so that the next request's
 * form starts empty.
 */
@Component("recordInformationReceived")
class RecordInformationReceivedListener implements TaskListener {

    private final CaseRegistry registry;
    private final ScreeningHistory history;

    RecordInformationReceivedListener(CaseRegistry registry, ScreeningHistory history) {
        this.registry = registry;
        this.history = history;
    }

    @Override
    public void notify(DelegateTask task) {
        InformationAnswers.Answer answer = InformationAnswers.Answer.of(task);
        String shown = answer.shown();
        task.setVariable(InformationAnswers.ANSWER, shown);
        for (String field : new String[] {InformationAnswers.TEXT, InformationAnswers.RECEIVED_DATE,
                InformationAnswers.DOCUMENT}) {
            task.removeVariable(field);
        }
        history.record(registry.caseOf(task).id(), null, InformationAnswers.RECEIVED_DECISION, shown,
                task.getAssignee() == null ? "system" : task.getAssignee());
    }
}
