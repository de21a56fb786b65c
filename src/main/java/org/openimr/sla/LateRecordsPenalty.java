package org.openimr.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The administrative penalty for late medical records, 8 CCR 9792.12(c)(6): $500 for each day
 * the records are late, at most $5,000 for a case. Every started day after the due moment counts
 * as a day late (records due at the close of day 15 and received on day 16 are one day late).
 */
public final class LateRecordsPenalty {

    public static final int DOLLARS_PER_DAY = 500;
    public static final int MAXIMUM_DOLLARS = 5_000;

    private LateRecordsPenalty() {
    }

    /** Started days between the due moment and the receipt; 0 if received in time. */
    public static int daysLate(Instant dueAt, Instant receivedAt) {
        if (dueAt == null || !receivedAt.isAfter(dueAt)) {
            return 0;
        }
        long millis = Duration.between(dueAt, receivedAt).toMillis();
        long day = Duration.ofDays(1).toMillis();
        return (int) Math.min(Integer.MAX_VALUE, (millis + day - 1) / day);
    }

    /** The case's penalty for all its late days together, capped. */
    public static int dollars(int totalDaysLate) {
        return (int) Math.min(MAXIMUM_DOLLARS, (long) totalDaysLate * DOLLARS_PER_DAY);
    }
}
