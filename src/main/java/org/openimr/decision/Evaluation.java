package org.openimr.decision;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The answer to evaluating one item without a case: the recommendation, with the fields given
 * that no table evaluated for it reads ({@code ignoredFields}), the facts its category's table
 * reads that were not given ({@code missingFacts}), and the former field names it was given with.
 */
public record Evaluation(@JsonUnwrapped Recommendation recommendation, List<String> ignoredFields,
        List<String> missingFacts, List<FormerField> deprecatedFields) {

    /** A field given under its former name, and the name it has now. */
    public record FormerField(String field, String replacedBy) {
    }
}
