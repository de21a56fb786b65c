package org.openimr.records;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link DocumentRetention} on its schedule. */
@Configuration
@EnableScheduling
class RetentionSchedule {
}
