package org.openimr.system;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One bad input field: its path in the request (e.g. {@code disputedItems[0].priorUnits}) and why.
 * Answered with the field's label beside the path, in the words of the form ("Disputed treatment
 * 1: Visits or sessions completed").
 */
public record FieldProblem(String field, String problem) {

    @JsonProperty("label")
    public String label() {
        return FieldLabels.of(field);
    }

    /** The problem as a person reads it: "Disputed treatment 2: Request (RFA) date must not be in the future". */
    public String sentence() {
        return label() + " " + problem;
    }
}
