package org.openimr.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openimr.reviewer.CaseReviewers.Qualifications;

class ReviewerStatementTest {

    @Test
    void listsReadAsASentence() {
        assertThat(ReviewerStatement.inWords(List.of())).isEmpty();
        assertThat(ReviewerStatement.inWords(List.of("A"))).isEqualTo("A");
        assertThat(ReviewerStatement.inWords(List.of("A", "B"))).isEqualTo("A and B");
        assertThat(ReviewerStatement.inWords(List.of("A", "B", "C"))).isEqualTo("A, B and C");
    }

    @Test
    void statesAreNamedAndAnUnknownCodeIsKeptAsItIs() {
        ReviewerStatement statement = ReviewerStatement.of(new Qualifications("Neurology", List.of("Neurology"),
                List.of("CA", "DC", "XX"), 20, 30));

        assertThat(statement.licensedIn()).isEqualTo("California, the District of Columbia and XX");
        assertThat(statement.licenceStates()).isEqualTo("CA, DC, XX");
        assertThat(statement.certifiedIn()).isEqualTo("Neurology");
    }
}
