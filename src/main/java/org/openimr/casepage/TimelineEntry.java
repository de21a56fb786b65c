package org.openimr.casepage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openimr.system.CaseClock;

/**
 * One thing that happened to a case: when (the instant, and as staff read it in California time),
 * what kind of thing, what in words, who did it, and any detail (a reason, a note).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TimelineEntry(Instant at, String when, Kind kind, String what, String who, String detail,
        @JsonIgnore Order order) {

    /**
     * Where an entry goes among those of the same instant, as one transaction records a cause and its
     * effects together: what set things going (a message, a timer) before the work done, and the work
     * before what the application recorded as a result.
     */
    enum Order { TRIGGER, WORK, RESULT }

    enum Kind { CASE, SCREENING, RECORDS, REVIEWER, TASK, EVENT, LETTER, DETERMINATION, REMAND }

    /** "Dec 7, 2026, 12:03 PM PST": the hour as staff in California read it, with its zone. */
    static final DateTimeFormatter CALIFORNIA_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US)
            .withZone(CaseClock.CALIFORNIA);

    static TimelineEntry of(Instant at, Kind kind, String what, String who, String detail) {
        return of(at, kind, what, who, detail, Order.RESULT);
    }

    static TimelineEntry of(Instant at, Kind kind, String what, String who, String detail, Order order) {
        return new TimelineEntry(at, CALIFORNIA_TIME.format(at), kind, what, who,
                detail == null || detail.isBlank() ? null : detail, order);
    }
}
