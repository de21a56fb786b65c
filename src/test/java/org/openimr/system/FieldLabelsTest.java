package org.openimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A refused field named as the forms name it, items counted from 1. */
class FieldLabelsTest {

    @Test
    void anItemsFieldReadsAsTheStartFormLabelsItNumberedFromOne() {
        assertThat(FieldLabels.of("disputedItems[1].requestDate")).isEqualTo("Disputed treatment 2: Request (RFA) date");
        assertThat(FieldLabels.of("disputedItems[0].priorUnits")).isEqualTo("Disputed treatment 1: Visits or sessions completed");
    }

    @Test
    void groupsSectionsAndTaskFormsLendTheirWords() {
        assertThat(FieldLabels.of("employee.name")).isEqualTo("Injured employee: Name");
        assertThat(FieldLabels.of("urDecisionDate")).isEqualTo("Utilization review decision: UR decision date");
        assertThat(FieldLabels.shortOf("urDecisionDate")).isEqualTo("UR decision date");
        assertThat(FieldLabels.of("variables.pagesReviewed")).isEqualTo("Pages reviewed");
    }

    @Test
    void aPathNoFormNamesReadsAsItsWords() {
        assertThat(FieldLabels.of("documents[2].receivedDate")).isEqualTo("Document 3: Received date");
    }

    @Test
    void aProblemReadsOnFromItsLabel() {
        assertThat(new FieldProblem("disputedItems[1].requestDate", "must not be in the future").sentence())
                .isEqualTo("Disputed treatment 2: Request (RFA) date must not be in the future");
        assertThat(new FieldProblem("pagesReviewed", "give the pages you reviewed").sentence())
                .isEqualTo("Pages reviewed: give the pages you reviewed");
    }
}
