package org.openimr.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Pattern;

/**
 * One bad input field: its path in the request (e.g. {@code disputedItems[0].priorUnits}) and why.
 * Answered with the field's label beside the path, in the words of the form ("Disputed treatment
 * 1: Visits or sessions completed").
 */
public record FieldProblem(String field, String problem) {

    /** A problem worded as what the field is or must be, which reads on from the label without a colon. */
    private static final Pattern PREDICATE = Pattern.compile("(is|are|must|has|have|does|do|cannot|can|should|was|were)\\b");

    @JsonProperty("label")
    public String label() {
        return FieldLabels.of(field);
    }

    /**
     * The problem as a person reads it: "Disputed treatment 2: Request (RFA) date must not be in the
     * future"; a problem worded as an instruction follows a colon ("Your rationale: give your own ...").
     */
    public String sentence() {
        return label() + (PREDICATE.matcher(problem).lookingAt() ? " " : ": ") + problem;
    }

}
