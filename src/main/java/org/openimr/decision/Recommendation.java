package org.openimr.decision;

import java.util.List;

/**
 * What the guideline tables recommend for one disputed item: the outcome, the rules and
 * citations it rests on, a rationale filled with the item's own numbers, and how sure the
 * citation is (UNCONFIRMED marks numbers still to be checked against the guideline text). The
 * advisory (the statutory visit cap, X01) is a note for the claims side, never the outcome;
 * null when the cap does not concern the item.
 */
public record Recommendation(
        Outcome outcome,
        List<String> ruleIds,
        String citation,
        String rationale,
        String citationConfidence,
        List<Finding> findings,
        Advisory advisory) {

    public enum Outcome {
        MEDICALLY_NECESSARY,
        NOT_MEDICALLY_NECESSARY,
        NEEDS_PHYSICIAN_JUDGEMENT
    }

    /** One matched rule of a guideline table. */
    public record Finding(String ruleId, Outcome outcome, String citation, String rationale, String confidence) {
    }

    /** The statutory visit cap's result (WITHIN_CAP, CAP_EXCEEDED, UNKNOWN, NOT_APPLICABLE) and its note. */
    public record Advisory(String ruleId, String capStatus, String citation, String note, String confidence) {
    }

    Recommendation withAdvisory(Advisory advisory) {
        return new Recommendation(outcome, ruleIds, citation, rationale, citationConfidence, findings, advisory);
    }
}
