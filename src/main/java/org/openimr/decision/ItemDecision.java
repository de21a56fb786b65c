package org.openimr.decision;

import java.util.Locale;
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

    /**
     * The rationale as the letter gives it: ending with this decision's conclusion, said once. A
     * rationale whose last sentence already says so ("... the request is medically necessary.", in
     * any case) is kept as it is.
     */
    public String concluded(String rationale) {
        String text = rationale.strip();
        String[] sentences = text.split("(?<=[.!?])\\s+");
        String last = sentences[sentences.length - 1].toLowerCase(Locale.ROOT);
        boolean saysNot = last.contains("not medically necessary");
        boolean concludes = last.contains("medically necessary") && saysNot == (this == UPHELD);
        return concludes ? text : text + " " + conclusion();
    }
}
