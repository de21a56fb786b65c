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
 * hours if expedited (D6), and the determination within 30 days of receipt of the application and
 * the complete records, 3 if expedited (D8), 5 working days if every disputed item is a formulary
 * drug (D8f, Labor Code 4610.6(d)(1)(A)). Deadlines end at the close of the day (23:59:59,
 * California).
 */
@Component
public class Deadlines {

    /** The determination clock: when it started, when the case turns at risk, and when it is due. */
    public record DeterminationClock(Instant startedAt, Instant atRiskAt, Instant dueAt) {
    }

    private final BusinessCalendar calendar;
    private final double atRiskShare;
    private final int informationResponseDays;

    Deadlines(SlaProperties properties) {
        this.calendar = new BusinessCalendar(properties.extraHolidays());
        this.atRiskShare = properties.atRiskShare();
        this.informationResponseDays = properties.informationResponseDays();
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** D3: the eligibility finding is due "immediately"; staff have until the close of the next business day. */
    public Instant screeningDue(Instant findingsAt) {
        return endOfNextBusinessDay(findingsAt);
    }

    /**
     * D2: a party asked for information during screening answers within 5 business days of
     * receiving the request (8 CCR 9792.10.3(c); imr.sla.information-response-days).
     */
    public Instant informationDue(Instant requestedAt) {
        return endOfDay(calendar.plusBusinessDays(CaseClock.dateOf(requestedAt), informationResponseDays));
    }

    public Instant noticeOfAssignmentDue(Instant eligibleAt) {
        return endOfNextBusinessDay(eligibleAt);
    }

    public Instant recordsDue(Instant noticeSentAt, boolean electronicNotice, boolean expedited) {
        if (expedited) {
            return noticeSentAt.plus(Duration.ofHours(24));
        }
        return endOfDay(CaseClock.dateOf(noticeSentAt).plusDays(electronicNotice ? 12 : 15));
    }

    /**
     * Records still owed when a regular case turns expedited: 24 hours from the conversion notice
     * (the parties are told at once, D5), but never later than they were due already.
     */
    public Instant recordsDueOnConversion(Instant currentDue, Instant convertedAt) {
        return earlier(currentDue, convertedAt.plus(Duration.ofHours(24)));
    }

    public Instant determinationDue(Instant clockStart, boolean expedited) {
        return endOfDay(CaseClock.dateOf(clockStart).plusDays(expedited ? 3 : 30));
    }

    /** A formulary dispute's determination (D8f): the close of the fifth working day after the clock starts. */
    public Instant formularyDeterminationDue(Instant clockStart) {
        return endOfDay(calendar.plusBusinessDays(CaseClock.dateOf(clockStart), 5));
    }

    /**
     * The determination clock (D8) starts when the IMRO has both the application and the complete
     * records; it runs 30 days, or 5 working days for a formulary dispute (D8f). A case expedited
     * from its application runs 3 days from then. A case converted later runs 3 days from the later
     * of the records and the conversion, unless its regular period ends sooner: converting never
     * grants more time.
     */
    public DeterminationClock determinationClock(Instant applicationReceivedAt, Instant recordsCompleteAt,
            boolean expedited, Instant expeditedSince, boolean formularyDispute) {
        Instant start = later(applicationReceivedAt, recordsCompleteAt);
        Instant regularDue = formularyDispute ? formularyDeterminationDue(start) : determinationDue(start, false);
        if (!expedited) {
            return clock(start, regularDue);
        }
        if (expeditedSince == null) {
            return clock(start, determinationDue(start, true));
        }
        Instant expeditedStart = later(start, expeditedSince);
        Instant expeditedDue = determinationDue(expeditedStart, true);
        return expeditedDue.isBefore(regularDue) ? clock(expeditedStart, expeditedDue) : clock(start, regularDue);
    }

    /** Deadlines for people acting on a missed deadline: the close of the next business day. */
    public Instant endOfNextBusinessDay(Instant from) {
        return endOfDay(calendar.plusBusinessDays(CaseClock.dateOf(from), 1));
    }

    private DeterminationClock clock(Instant start, Instant due) {
        long millis = Duration.between(start, due).toMillis();
        return new DeterminationClock(start, start.plusMillis(Math.round(millis * atRiskShare)), due);
    }

    static Instant endOfDay(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(23, 59, 59), CaseClock.CALIFORNIA).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
