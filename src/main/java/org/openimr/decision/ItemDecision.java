package org.openimr.decision;

import org.openimr.decision.Recommendation.Outcome;

/** The reviewer's decision on a disputed item, in the words of the letter. */
public enum ItemDecision {
    /** The UR denial stands: the treatment is not medically necessary. */
    UPHELD,
    /** The UR denial is reversed: the treatment is medically necessary. */
    OVERTURNED;

    public boolean agreesWith(Outcome recommendation) {
        return this == UPHELD && recommendation == Outcome.NOT_MEDICALLY_NECESSARY
                || this == OVERTURNED && recommendation == Outcome.MEDICALLY_NECESSARY;
    }

    /** The closing sentence of the item's rationale in the letter. */
    public String conclusion() {
        return this == UPHELD ? "The request is not medically necessary." : "The request is medically necessary.";
    }
}
