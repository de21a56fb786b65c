package org.openimr.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openimr.system.CaseClock;

/** The deadline arithmetic of shared/domain/imr-process.md §3, without the engine. */
class SlaDeadlinesTest {

    private final Deadlines deadlines = new Deadlines(new SlaProperties(List.of(), 0.8, null));

    @Test
    void noticeOfAssignmentIsDueTheNextBusinessDaySkippingTheThanksgivingHolidaysAndTheWeekend() {
        Instant eligibleOnWednesdayBeforeThanksgiving = california(2025, 11, 26, 10, 0);

        assertThat(deadlines.noticeOfAssignmentDue(eligibleOnWednesdayBeforeThanksgiving))
                .isEqualTo(endOfDay(2025, 12, 1));
    }

    @Test
    void anAdministratorsExtraHolidayIsNoBusinessDay() {
        Deadlines closedOnTuesday = new Deadlines(new SlaProperties(List.of(LocalDate.of(2025, 3, 4)), 0.8, null));

        assertThat(deadlines.noticeOfAssignmentDue(california(2025, 3, 3, 9, 0))).isEqualTo(endOfDay(2025, 3, 4));
        assertThat(closedOnTuesday.noticeOfAssignmentDue(california(2025, 3, 3, 9, 0))).isEqualTo(endOfDay(2025, 3, 5));
    }

    @Test
    void stateHolidaysOnASundayAreObservedOnTheMonday() {
        BusinessCalendar calendar = deadlines.calendar();
        // 2027-07-04 is a Sunday; Cesar Chavez Day 2024 (March 31) too.
        assertThat(calendar.isBusinessDay(LocalDate.of(2027, 7, 5))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2024, 4, 1))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2024, 4, 2))).isTrue();
    }

    @Test
    void recordsAreDue15DaysAfterAMailedNotice12AfterAnElectronicOneAnd24HoursIfExpedited() {
        Instant sent = california(2025, 3, 3, 9, 30);

        assertThat(deadlines.recordsDue(sent, false, false)).isEqualTo(endOfDay(2025, 3, 18));
        assertThat(deadlines.recordsDue(sent, true, false)).isEqualTo(endOfDay(2025, 3, 15));
        assertThat(deadlines.recordsDue(sent, false, true)).isEqualTo(sent.plus(Duration.ofHours(24)));
    }

    @Test
    void theDeterminationIsDue30DaysAfterApplicationAndCompleteRecordsAndAtRiskAfter80Percent() {
        Instant application = california(2025, 2, 20, 0, 0);
        Instant records = california(2025, 3, 3, 12, 0);

        Deadlines.DeterminationClock clock = deadlines.determinationClock(application, records, false, null, false);

        assertThat(clock.startedAt()).isEqualTo(records);
        assertThat(clock.dueAt()).isEqualTo(endOfDay(2025, 4, 2));
        assertThat(Duration.between(records, clock.atRiskAt()))
                .isEqualTo(Duration.ofMillis(Math.round(Duration.between(records, clock.dueAt()).toMillis() * 0.8)));
    }

    @Test
    void theClockStartsWithTheApplicationWhenTheRecordsCameFirst() {
        Instant records = california(2025, 3, 1, 12, 0);
        Instant application = california(2025, 3, 3, 0, 0);

        assertThat(deadlines.determinationClock(application, records, false, null, false).dueAt()).isEqualTo(endOfDay(2025, 4, 2));
    }

    @Test
    void anExpeditedDeterminationIsDueIn3Days() {
        Instant records = california(2025, 3, 3, 12, 0);

        assertThat(deadlines.determinationClock(null, records, true, null, false).dueAt()).isEqualTo(endOfDay(2025, 3, 6));
    }

    @Test
    void aConversionRuns3DaysFromTheConversionButNeverBeyondThe30Days() {
        Instant records = california(2025, 3, 3, 12, 0);

        Deadlines.DeterminationClock early = deadlines.determinationClock(null, records, true, california(2025, 3, 10, 8, 0), false);
        Deadlines.DeterminationClock late = deadlines.determinationClock(null, records, true, california(2025, 3, 31, 8, 0), false);

        assertThat(early.dueAt()).isEqualTo(endOfDay(2025, 3, 13));
        assertThat(early.startedAt()).isEqualTo(california(2025, 3, 10, 8, 0));
        assertThat(late.dueAt()).isEqualTo(endOfDay(2025, 4, 2));
    }

    @Test
    void aFormularyDisputeIsDueAtTheCloseOfTheFifthWorkingDaySkippingWeekendAndHolidays() {
        Instant recordsOnMonday = california(2025, 3, 3, 12, 0);
        Instant recordsBeforeThanksgiving = california(2025, 11, 24, 9, 0);

        assertThat(deadlines.determinationClock(null, recordsOnMonday, false, null, true).dueAt())
                .isEqualTo(endOfDay(2025, 3, 10));
        // Thanksgiving and the day after are state holidays: Tue 25, Wed 26, Mon 1, Tue 2, Wed 3.
        assertThat(deadlines.determinationClock(null, recordsBeforeThanksgiving, false, null, true).dueAt())
                .isEqualTo(endOfDay(2025, 12, 3));
        assertThat(deadlines.determinationClock(null, recordsOnMonday, false, null, false).dueAt())
                .isEqualTo(endOfDay(2025, 4, 2));
    }

    @Test
    void anExpeditedFormularyDisputeKeepsItsThreeDaysAndAConversionNeverExtendsTheFiveWorkingDays() {
        Instant records = california(2025, 3, 3, 12, 0);

        assertThat(deadlines.determinationClock(null, records, true, null, true).dueAt()).isEqualTo(endOfDay(2025, 3, 6));
        assertThat(deadlines.determinationClock(null, records, true, california(2025, 3, 4, 8, 0), true).dueAt())
                .isEqualTo(endOfDay(2025, 3, 7));
        assertThat(deadlines.determinationClock(null, records, true, california(2025, 3, 9, 8, 0), true).dueAt())
                .isEqualTo(endOfDay(2025, 3, 10));
    }

    @Test
    void recordsStillOwedOnConversionAreDueIn24HoursButNeverLater() {
        Instant converted = california(2025, 3, 10, 8, 0);

        assertThat(deadlines.recordsDueOnConversion(endOfDay(2025, 3, 18), converted)).isEqualTo(converted.plus(Duration.ofHours(24)));
        assertThat(deadlines.recordsDueOnConversion(california(2025, 3, 10, 17, 0), converted)).isEqualTo(california(2025, 3, 10, 17, 0));
    }

    @Test
    void theLateRecordsPenaltyIs500ADayStartedAndAtMost5000() {
        Instant due = endOfDay(2025, 3, 18);

        assertThat(LateRecordsPenalty.daysLate(due, due)).isZero();
        assertThat(LateRecordsPenalty.daysLate(due, california(2025, 3, 19, 9, 0))).isEqualTo(1);
        assertThat(LateRecordsPenalty.daysLate(due, california(2025, 3, 21, 9, 0))).isEqualTo(3);
        assertThat(LateRecordsPenalty.dollars(3)).isEqualTo(1_500);
        assertThat(LateRecordsPenalty.dollars(10)).isEqualTo(5_000);
        assertThat(LateRecordsPenalty.dollars(45)).isEqualTo(5_000);
    }

    @Test
    void theAtRiskShareMustLieBetweenZeroAndOne() {
        assertThatThrownBy(() -> new SlaProperties(List.of(), 1.0, null)).hasMessageContaining("imr.sla.at-risk-share");
        assertThatThrownBy(() -> new SlaProperties(List.of(), 0.0, null)).hasMessageContaining("imr.sla.at-risk-share");
        assertThat(new SlaProperties(null, null, null).atRiskShare()).isEqualTo(0.8);
    }

    static Instant california(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(CaseClock.CALIFORNIA).toInstant();
    }

    static Instant endOfDay(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 23, 59, 59).atZone(CaseClock.CALIFORNIA).toInstant();
    }
}
