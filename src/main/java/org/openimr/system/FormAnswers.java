package org.openimr.system;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Camunda Forms radio buttons answer with strings; the process routes on booleans. Called from a
 * task's complete listener: {@code ${formAnswers.yesNo(task, 'recordsComplete')}}.
 */
@Component("formAnswers")
public class FormAnswers {

    public void yesNo(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        if (value instanceof String text) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new InvalidInputException(variable, "must be answered yes or no");
            }
            task.setVariable(variable, Boolean.valueOf(text));
        } else if (!(value instanceof Boolean)) {
            throw new InvalidInputException(variable, "must be answered yes or no");
        }
    }
}
