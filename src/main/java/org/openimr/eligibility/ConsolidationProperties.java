package org.openimr.eligibility;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Consolidation settings: how many days apart two applications may arrive and still be offered for
 * joining. 8 CCR 9792.10.4(a) sets no period; the organization does, and the joining point (before
 * reviewer selection) limits it too.
 */
@ConfigurationProperties(prefix = "imr.consolidation")
record ConsolidationProperties(Integer windowDays) {

    ConsolidationProperties {
        windowDays = windowDays == null ? 30 : windowDays;
        if (windowDays < 0 || windowDays > 365) {
            throw new IllegalArgumentException("imr.consolidation.window-days must be from 0 to 365, was " + windowDays);
        }
    }
}
