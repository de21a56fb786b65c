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
    DEFER,
    /**
     * Something the screener needs is missing (E9, or what another finding turns on): a party is
     * asked for it and the case waits for the answer, then comes back to screening (8 CCR
     * 9792.10.3(b)-(c)).
     */
    REQUEST_INFORMATION,
    /**
     * Some items repeat an item of an earlier case (E7): those the screener names are not eligible,
     * told to the parties in the per-item ineligibility notice and left out of the review; the
     * others go on.
     */
    EXCLUDE_ITEMS,
    /**
     * An earlier case of the same employee, requesting physician and date of injury can take this
     * application's items (C1): they are joined into it for a single determination, and this
     * application closes as consolidated (8 CCR 9792.10.4(a)).
     */
    CONSOLIDATE,
    /** The application stays a case of its own despite the earlier case found to join (C1), with a reason. */
    KEEP_SEPARATE;

    static ScreeningDecision of(Object answer) {
        if (answer instanceof String text) {
            for (ScreeningDecision decision : values()) {
                if (decision.name().equals(text)) {
                    return decision;
                }
            }
        }
        throw new InvalidInputException(ScreenApplicationListener.DECISION, "must be one of INELIGIBLE, ELIGIBLE, DEFER, REQUEST_INFORMATION, EXCLUDE_ITEMS, CONSOLIDATE, KEEP_SEPARATE");
    }
}
