package org.openimr.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openimr.reviewer.ReviewerSelection.Candidate;
import org.openimr.reviewer.ReviewerSelection.Outcome;
import org.openimr.reviewer.ReviewerSelection.Result;

/** The report the supervisor's task shows stays within a Camunda string variable (4,000 characters). */
class SelectionReportTest {

    @Test
    void aLargeRosterIsCutShortAndCounted() {
        List<Candidate> candidates = IntStream.range(0, 300).mapToObj(i -> new Candidate(i, "reviewer" + i,
                "Dr. Reviewer Number " + i, Outcome.EXCLUDED, List.of("at capacity (25 of 25 open cases)"), i < 200))
                .toList();

        String report = new Result(Optional.empty(), null, List.of(Specialty.PSYCHIATRY), candidates).report();

        assertThat(report).hasSizeLessThanOrEqualTo(4000)
                .startsWith("Fitting specialties: Psychiatry\n\nNo reviewer was chosen.")
                .contains("- Dr. Reviewer Number 0 (reviewer0): at capacity (25 of 25 open cases)")
                .containsPattern("- and \\d+ more\n")
                .endsWith("100 other reviewers practise no fitting specialty.");
    }
}
