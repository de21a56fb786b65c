package org.openimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Deadlines in the forms read as California dates and times, whatever the server's zone. */
class FormDatesTest {

    @Test
    void aDeadlineAtTheEndOfACaliforniaDayReadsAsThatDay() {
        // 07:59:59 UTC on December 12 is still December 11 in California (PST, UTC-8).
        assertThat(FormDates.text(Instant.parse("2026-12-12T07:59:59Z"))).isEqualTo("December 11, 2026, 11:59 PM");
    }

    @Test
    void summerTimeIsSevenHoursBehindUtc() {
        assertThat(FormDates.text(Instant.parse("2014-07-29T19:30:00Z"))).isEqualTo("July 29, 2014, 12:30 PM");
    }
}
