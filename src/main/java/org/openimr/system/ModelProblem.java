package org.openimr.system;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/**
 * Why a deployed model is refused, in the shape Camunda's REST API gives a parse error (and Camunda
 * Modeler shows): the element by its id (or the nearest enclosing element that has one), the
 * attribute or element text, and why.
 */
public record ModelProblem(String elementId, String attribute, String reason) implements Problem {

    private static final int SHOWN = 120;

    /** A refused value, quoted (shortened) after the reason so that the analyst finds it. */
    public static ModelProblem of(String elementId, String attribute, String reason, String value) {
        String shown = value.strip();
        if (shown.length() > SHOWN) {
            shown = shown.substring(0, SHOWN) + "...";
        }
        return new ModelProblem(elementId, attribute, reason + ": " + shown);
    }

    @Override
    public String getMessage() {
        return (elementId == null ? "" : elementId + ", ") + attribute + " " + reason;
    }

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return elementId == null ? List.of() : List.of(elementId);
    }
}
