package org.openimr.eligibility;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Screening settings: how often a supervisor is reminded of a case deferred for a liability dispute. */
@ConfigurationProperties(prefix = "imr.screening")
record ScreeningProperties(Duration deferralReminder) {

    ScreeningProperties {
        deferralReminder = deferralReminder == null ? Duration.ofDays(14) : deferralReminder;
        if (deferralReminder.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("imr.screening.deferral-reminder must be at least a minute, was "
                    + deferralReminder);
        }
    }
}
