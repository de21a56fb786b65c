package org.openimr.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseStatus;

/**
 * Why a closed case closed, as the case page says it to staff answering a caller, for the closings
 * that need nothing but the registry's row: a withdrawal, a termination because the treatment was
 * authorized, a consolidation into an earlier case. (An ineligible case, a withdrawal's note and a
 * determination are read from the case's other records: CaseTimelineTest.) The sentence names the
 * reason in words, never the stored code.
 */
class ClosingReasonsTest {

    private final ClosingReasons reasons = new ClosingReasons(null, null, null, null);

    @Test
    void aWithdrawalSaysTheEmployeeWithdrewIt() {
        ClosingReasons.Closing closing = reasons.of(closed(CaseStatus.WITHDRAWN, "EMPLOYEE_WITHDREW"));

        assertThat(closing.sentence()).isEqualTo("Withdrawn by the employee: the review ended without a determination.");
        assertThat(closing.joinedInto()).isNull();
    }

    @Test
    void anAuthorizedTreatmentSaysTheReviewWasTerminatedAndWhy() {
        assertThat(reasons.of(closed(CaseStatus.WITHDRAWN, "TREATMENT_AUTHORIZED")).sentence())
                .isEqualTo("Review terminated: the claims administrator authorized the disputed treatment, "
                        + "so no determination was needed.")
                .doesNotContain("TREATMENT_AUTHORIZED");
    }

    @Test
    void aConsolidationNamesTheCaseItWasJoinedInto() {
        ClosingReasons.Closing closing = reasons.of(closed(CaseStatus.CONSOLIDATED, "Joined into case CM14-0000007"));

        assertThat(closing.sentence()).isEqualTo("Consolidated into case CM14-0000007, an earlier application of the "
                + "same employee, requesting physician and date of injury: the review goes on there.");
        assertThat(closing.joinedInto()).as("the case the page links to").isEqualTo("CM14-0000007");
    }

    @Test
    void aReasonStoredAsACodeNotKnownIsSaidInWords() {
        assertThat(reasons.of(closed(CaseStatus.WITHDRAWN, "PARTY_DECEASED")).sentence())
                .isEqualTo("Withdrawn: party deceased.");
    }

    @Test
    void anOpenCaseHasNoClosing() {
        assertThat(reasons.of(record(CaseStatus.OPEN, null, null))).isNull();
    }

    private static CaseRecord closed(CaseStatus status, String reason) {
        return record(status, reason, Instant.parse("2026-12-07T20:15:00Z"));
    }

    private static CaseRecord record(CaseStatus status, String reason, Instant closedAt) {
        return new CaseRecord(1, "CM14-0000009", null, "API", status.name(), "WITHDRAWN", null, reason, false,
                LocalDate.of(2014, 7, 14), LocalDate.of(2014, 6, 30), "Employee", "CLAIM-1", "Employer",
                "Claims administrator", "Dr. Physician", "Group", "{}", Instant.parse("2026-12-01T17:00:00Z"),
                "intake1", closedAt);
    }
}
