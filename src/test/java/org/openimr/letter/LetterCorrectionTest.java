package org.openimr.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The letter as the reviewer and QA work on it: each rationale concludes once, QA can return the
 * letter for an item's rationale and the reviewer changes it, the second review shows the first
 * note and what changed, and the pages reviewed cannot exceed the pages received.
 */
class LetterCorrectionTest extends CaseTest {

    @Autowired
    LetterService letters;

    @Autowired
    CaseRegistry registry;

    @Autowired
    TaskService taskService;

    @Test
    void aRationaleThatAlreadyConcludesIsNotConcludedAgain() {
        String caseNumber = caseAtItemDecisions();
        cases.establishFacts(caseNumber);
        for (Task task : cases.tasks(caseNumber, "DecideItemTask")) {
            String decision = cases.decisionAgainstRecommendation(task.getId());
            String rationale = "The records document functional improvement, so the request is "
                    + (decision.equals("UPHELD") ? "not " : "") + "medically necessary.";
            taskService.complete(task.getId(), Map.of("decision", decision, "ownRationale", rationale,
                    "ownCitation", "MTUS Chronic Pain Medical Treatment Guidelines (2009), page 60 of 127"));
        }

        String letter = LetterTexts.body(letters.text(latest(caseNumber)));
        assertThat(count(letter, "medically necessary\\. The request is (not )?medically necessary\\."))
                .as("a conclusion said twice in: %s", letter).isZero();
        assertThat(letter).contains("The records document functional improvement, so the request is");
    }

    @Test
    void aRationaleWithoutConclusionGetsTheDecisionsConclusion() {
        String caseNumber = caseAtItemDecisions();
        cases.establishFacts(caseNumber);
        Task task = cases.task(caseNumber, "DecideItemTask");
        String decision = cases.decisionAgainstRecommendation(task.getId());
        taskService.complete(task.getId(), Map.of("decision", decision, "ownRationale", "The records document it.",
                "ownCitation", "MTUS Chronic Pain Medical Treatment Guidelines (2009), page 60 of 127"));

        assertThat(LetterTexts.body(letters.text(latest(caseNumber)))).contains("The records document it. The request is "
                + (decision.equals("UPHELD") ? "not " : "") + "medically necessary.");
    }

    @Test
    void qaReturnsAnItemsRationaleTheReviewerChangesItAndTheSecondReviewSeesNoteAndChange() {
        String caseNumber = caseAtItemDecisions();
        cases.decideAllItems(caseNumber, "UPHELD");
        String original = registry.items(cases.caseRecord(caseNumber).id()).get(0).decisionRationale();

        String note = "Item 1's rationale should say that massage is limited to 4-6 visits.";
        cases.complete(caseNumber, "ReviewLetterTask", Map.of("letterApproved", "false", "qaNote", note,
                "rationaleItemNo", 1L));
        Task correction = cases.task(caseNumber, "CorrectLetterTask");
        assertThat(taskService.getVariable(correction.getId(), "itemRationale")).isEqualTo(original);
        assertThat(taskService.getVariable(correction.getId(), "rationaleItemTreatment"))
                .isEqualTo("Additional Massage Therapy Visits for the cervical spine as an outpatient");

        String corrected = "Massage therapy should be limited to 4-6 visits in most cases, and six were done.";
        Map<String, Object> answers = new HashMap<>(Map.of("pagesReviewed", 54, "clinicalSummary",
                "The claimant was described as a 44-year-old man injured in 2012.", "itemRationale", corrected));
        cases.complete(caseNumber, "CorrectLetterTask", answers);

        CaseRecord record = cases.caseRecord(caseNumber);
        String second = LetterTexts.body(letters.text(latest(caseNumber)));
        String first = LetterTexts.body(letters.text(
                letters.version(record, LetterKind.FINAL_DETERMINATION, 1).orElseThrow()));
        assertThat(second).contains("Decision rationale: " + corrected + " The request is not medically necessary.");
        assertThat(first).doesNotContain(corrected);

        Task review = cases.task(caseNumber, "ReviewLetterTask");
        assertThat(taskService.getVariable(review.getId(), "returnedNote")).isEqualTo(note);
        assertThat((String) taskService.getVariable(review.getId(), "letterChanges"))
                .contains("**Put in:** " + corrected)
                .contains("**Taken out:**");
        assertThat(taskService.getVariables(review.getId()))
                .as("the first review's answers do not prefill the second")
                .doesNotContainKeys("qaNote", "letterApproved", "rationaleItemNo", "itemRationale");
    }

    @Test
    void qaCannotReturnARationaleOfAnItemTheLetterDoesNotHave() {
        String caseNumber = caseAtItemDecisions();
        cases.decideAllItems(caseNumber, "UPHELD");

        assertThatThrownBy(() -> cases.complete(caseNumber, "ReviewLetterTask", Map.of("letterApproved", "false",
                "qaNote", "Fix item 2", "rationaleItemNo", 2L)))
                .hasMessageContaining("Item whose rationale should change: give the number of an item of this letter, 1 to 1");
        assertThat(cases.tasks(caseNumber, "ReviewLetterTask")).hasSize(1);
    }

    @Test
    void pagesReviewedCannotExceedThePagesReceived() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);

        assertThatThrownBy(() -> cases.complete(caseNumber, "WriteClinicalSummaryTask", Map.of("pagesReviewed", 60,
                "clinicalSummary", "The claimant was described as a 44-year-old man injured in 2012.")))
                .hasMessageContaining("Pages reviewed is more than the 54 pages of medical records received");
        assertThat(cases.tasks(caseNumber, "WriteClinicalSummaryTask")).hasSize(1);

        cases.writeClinicalSummary(caseNumber);
        assertThat(cases.tasks(caseNumber, "DecideItemTask")).isNotEmpty();
    }

    private String caseAtItemDecisions() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        return caseNumber;
    }

    private StoredLetter latest(String caseNumber) {
        return letters.latest(cases.caseRecord(caseNumber), LetterKind.FINAL_DETERMINATION).orElseThrow();
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
