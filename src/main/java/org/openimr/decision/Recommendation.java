package org.openimr.decision;

import java.util.List;

/**
 * What the guideline tables recommend for one disputed item: the outcome, the rules and
 * citations it rests on, a rationale filled with the item's own numbers, and how sure the
 * citation is (UNCONFIRMED marks numbers still to be checked against the guideline text).
 */
public record Recommendation(
        Outcome outcome,
        List<String> ruleIds,
        String citation,
        String rationale,
        String citationConfidence,
        List<Finding> findings) {

    public enum Outcome {
        MEDICALLY_NECESSARY,
        NOT_MEDICALLY_NECESSARY,
        NEEDS_PHYSICIAN_JUDGEMENT
    }

    /** One matched rule of a guideline table. */
    public record Finding(String ruleId, Outcome outcome, String citation, String rationale, String confidence) {
    }
}
