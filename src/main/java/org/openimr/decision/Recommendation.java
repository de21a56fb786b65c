package org.openimr.decision;

import java.util.List;

/**
 * What the guideline tables recommend for one disputed item: the outcome, the rules and
 * citations it rests on, a rationale filled with the item's own numbers, and how sure the
 * citation is (UNCONFIRMED marks criteria still to be checked against the guideline text). The
 * advisory (the statutory visit cap, X01) is a note for the claims side, never the outcome;
 * null when the cap does not concern the item. The formulary note (X03) says what the MTUS Drug
 * Formulary makes of a drug item; null for items the formulary does not cover.
 */
public record Recommendation(
        Outcome outcome,
        List<String> ruleIds,
        String citation,
        String rationale,
        String citationConfidence,
        List<Finding> findings,
        Advisory advisory,
        Formulary formulary) {

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

    /**
     * The drug's entry on the MTUS Drug List (status EXEMPT, NON_EXEMPT or UNLISTED, null when the
     * list as encoded here does not have it; the fill days it allows without review) and the
     * formulary rule that applies to this request (e.g. SPECIAL_FILL, COMPOUNDED), with whether it
     * needed authorization through prospective review. Medical necessity is still the tables' call.
     */
    public record Formulary(String ruleId, String finding, String listedDrug, String formularyStatus,
            String drugListVersion, Integer specialFillDays, Integer perioperativeFillDays,
            Boolean prospectiveReviewRequired, String citation, String note, String confidence) {
    }

    Recommendation with(Advisory advisory, Formulary formulary) {
        return new Recommendation(outcome, ruleIds, citation, rationale, citationConfidence, findings, advisory,
                formulary);
    }
}
