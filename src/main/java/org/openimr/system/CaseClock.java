package org.openimr.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the engine's, so that dates the application computes agree
 * with the timers the engine fires (and tests that move the engine clock move both). Calendar
 * dates are those of California.
 */
public final class CaseClock {

    public static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");

    private CaseClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), CALIFORNIA);
    }

    public static Date toDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /** The start of a California calendar day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(CALIFORNIA).toInstant();
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, CALIFORNIA);
    }

    public static ZonedDateTime inCalifornia(Instant instant) {
        return instant.atZone(CALIFORNIA);
    }
}
