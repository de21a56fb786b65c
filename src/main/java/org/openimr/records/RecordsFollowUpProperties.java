package org.openimr.records;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Records settings: how often a supervisor is reminded of records still overdue after the follow-up,
 * in a standard review and in an expedited one (whose records are due in 24 hours and determination in
 * 3 days, so a weekly reminder would come after the case is due).
 */
@ConfigurationProperties(prefix = "imr.records")
record RecordsFollowUpProperties(Duration followUpReminder, Duration expeditedFollowUpReminder) {

    RecordsFollowUpProperties {
        followUpReminder = atLeastAMinute("imr.records.follow-up-reminder", followUpReminder, Duration.ofDays(7));
        expeditedFollowUpReminder = atLeastAMinute("imr.records.expedited-follow-up-reminder",
                expeditedFollowUpReminder, Duration.ofDays(1));
    }

    private static Duration atLeastAMinute(String name, Duration value, Duration unset) {
        Duration interval = value == null ? unset : value;
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException(name + " must be at least a minute, was " + interval);
        }
        return interval;
    }
}
