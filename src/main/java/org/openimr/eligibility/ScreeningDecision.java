package org.openimr.eligibility;

import org.openimr.system.InvalidInputException;

/** What the screener decided on an application the eligibility table found something in. */
enum ScreeningDecision {
    /** The findings stand: the case is not eligible and the parties get the ineligibility notice. */
    INELIGIBLE,
    /** The findings are overridden, with a reason: the case goes on to the notice of assignment. */
    ELIGIBLE,
    /**
     * Liability is disputed (E6): the review waits, not closed, until the claims administrator's
     * liability determination is recorded (8 CCR 9792.10.3(d)).
     */
    DEFER;

    static ScreeningDecision of(Object answer) {
        if (answer instanceof String text) {
            for (ScreeningDecision decision : values()) {
                if (decision.name().equals(text)) {
                    return decision;
                }
            }
        }
        throw new InvalidInputException(ScreenApplicationListener.DECISION, "must be one of INELIGIBLE, ELIGIBLE, DEFER");
    }
}
