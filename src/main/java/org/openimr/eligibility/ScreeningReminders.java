package org.openimr.eligibility;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How often a supervisor is reminded of a case deferred for a liability dispute
 * ({@code imr.screening.deferral-reminder}, an ISO-8601 duration, 14 days unless configured).
 * Used in the BPMN as the reminder timer's cycle: {@code ${screeningReminders.deferralCycle()}}
 * (public, as the expression language calls it).
 */
@Component("screeningReminders")
public class ScreeningReminders {

    private final Duration deferralReminder;

    ScreeningReminders(ScreeningProperties properties) {
        this.deferralReminder = properties.deferralReminder();
    }

    /** Repeats until the deferral ends. */
    public String deferralCycle() {
        return "R/" + deferralReminder;
    }
}
