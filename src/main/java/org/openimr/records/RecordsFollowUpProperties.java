package org.openimr.records;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Records settings: how often a supervisor is reminded of records still overdue after the follow-up. */
@ConfigurationProperties(prefix = "imr.records")
record RecordsFollowUpProperties(Duration followUpReminder) {

    RecordsFollowUpProperties {
        followUpReminder = followUpReminder == null ? Duration.ofDays(7) : followUpReminder;
        if (followUpReminder.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("imr.records.follow-up-reminder must be at least a minute, was "
                    + followUpReminder);
        }
    }
}
