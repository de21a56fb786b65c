package org.openimr.billing;

/**
 * What a review of a case is billed as (8 CCR 9792.10.8 and the Division's published fees): a
 * determination issued after a regular, expedited or pharmacy-only review, or a case that ended
 * (withdrawn, ineligible, terminated) before or after it reached a reviewer.
 */
public enum FeeTier {
    STANDARD_REVIEW("Standard review"),
    EXPEDITED_REVIEW("Expedited review"),
    PHARMACY_REVIEW("Standard review, pharmacy only"),
    ENDED_BEFORE_REVIEWER("Ended before it reached a reviewer"),
    ENDED_AFTER_REVIEWER("Ended after it reached a reviewer");

    private final String label;

    FeeTier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
