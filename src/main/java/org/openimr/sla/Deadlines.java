package org.openimr.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Component;

/**
 * The statutory deadlines of shared/domain/imr-process.md §3: notice of assignment within one
 * business day (D4), records within 15 days of a mailed notice, 12 of an electronic one, or 24
 * hours if expedited (D6), and the determination within 30 days of complete records, 3 if
 * expedited (D8). Calendar-day deadlines end at the close of the day (23:59:59, California).
 */
@Component
public class Deadlines {

    private final BusinessCalendar calendar;

    Deadlines(SlaProperties properties) {
        this.calendar = new BusinessCalendar(properties.extraHolidays());
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    public Instant noticeOfAssignmentDue(Instant eligibleAt) {
        return endOfDay(calendar.plusBusinessDays(CaseClock.dateOf(eligibleAt), 1));
    }

    public Instant recordsDue(Instant noticeSentAt, boolean electronicNotice, boolean expedited) {
        if (expedited) {
            return noticeSentAt.plus(Duration.ofHours(24));
        }
        return endOfDay(CaseClock.dateOf(noticeSentAt).plusDays(electronicNotice ? 12 : 15));
    }

    public Instant determinationDue(Instant recordsCompleteAt, boolean expedited) {
        return endOfDay(CaseClock.dateOf(recordsCompleteAt).plusDays(expedited ? 3 : 30));
    }

    static Instant endOfDay(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(23, 59, 59), CaseClock.CALIFORNIA).toInstant();
    }
}
