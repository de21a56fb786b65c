package org.openimr.system;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input that breaks the contract; answered with HTTP 400 listing every bad field. It is Camunda's
 * form validation failure too, so that a form submitted through Tasklist or the engine REST API
 * and refused by a delegate answers 400 with the fields rather than 500; a task listener's refusal,
 * which Camunda wraps, is answered by {@link RefusedTaskAnswers}.
 */
public class InvalidInputException extends FormFieldValidationException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(List.copyOf(problems), summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String problem) {
        this(List.of(new FieldProblem(field, problem)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** In the form's words (Tasklist shows it): "Please correct: Disputed treatment 2: Request (RFA) date must ...". */
    private static String summary(List<FieldProblem> problems) {
        return "Please correct: " + String.join("; ", problems.stream().map(FieldProblem::sentence).toList());
    }
}
