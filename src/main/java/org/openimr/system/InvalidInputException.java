package org.openimr.system;

import java.util.List;

/** Input that breaks the contract; answered with HTTP 400 listing every bad field. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String problem) {
        this(List.of(new FieldProblem(field, problem)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String summary(List<FieldProblem> problems) {
        StringBuilder text = new StringBuilder("Invalid input: ");
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0) {
                text.append("; ");
            }
            text.append(problems.get(i).field()).append(' ').append(problems.get(i).problem());
        }
        return text.toString();
    }
}
