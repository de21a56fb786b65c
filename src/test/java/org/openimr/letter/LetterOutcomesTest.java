package org.openimr.letter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Three disputed items decided each way: every item's line and rationale in the letter, the case
 * outcome recorded when the letter is issued, and each recipient with the issue time.
 */
class LetterOutcomesTest extends CaseTest {

    @Autowired
    LetterService letters;

    @Autowired
    TaskService taskService;

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("decisions")
    void eachItemIsDecidedInTheLetterAndTheCaseEndsWithItsOutcome(List<String> decisions, String outcome) {
        String caseNumber = decidedCase(TestApplications.threeItemCase(), decisions);
        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);

        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("DETERMINATION_ISSUED");
        assertThat(record.outcome()).isEqualTo(outcome);
        assertThat(cases.variable(caseNumber, "outcome")).isEqualTo(outcome);

        StoredLetter letter = letters.latest(record, LetterKind.FINAL_DETERMINATION).orElseThrow();
        String text = LetterTexts.body(letters.text(letter));
        List<String> treatments = List.of("Additional Massage Therapy Visits for the cervical spine as an outpatient",
                "Chiropractic manipulation, lumbar spine, 2 times a week for 6 weeks", "Norco 10/325 mg, 60 tablets");
        for (int i = 0; i < 3; i++) {
            String upheldOrOverturned = decisions.get(i).equals("UPHELD") ? "Upheld" : "Overturned";
            String block = itemBlock(text, i + 1);
            assertThat(block).startsWith("(" + (i + 1) + ") " + treatments.get(i) + ": " + upheldOrOverturned + " ")
                    .contains("Claims Administrator guideline:", "MAXIMUS guideline: Decision based on ", "Decision rationale:")
                    .endsWith(decisions.get(i).equals("UPHELD") ? "The request is not medically necessary."
                            : "The request is medically necessary.");
        }
    }

    static Stream<Arguments> decisions() {
        return Stream.of(
                Arguments.of(List.of("UPHELD", "OVERTURNED", "UPHELD"), "MIXED"),
                Arguments.of(List.of("UPHELD", "UPHELD", "UPHELD"), "UPHELD"),
                Arguments.of(List.of("OVERTURNED", "OVERTURNED", "OVERTURNED"), "OVERTURNED"));
    }

    @Test
    void issuingRecordsEveryRecipientWithTheIssueTimeOnceEvenIfIssuedAgain() {
        ObjectNode application = TestApplications.seedCase();
        ((ObjectNode) application.get("employee")).put("representative", "Law Office of A. Test");
        String caseNumber = decidedCase(application, List.of("UPHELD"));
        cases.approveLetter(caseNumber);
        // The engine clock counts milliseconds.
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        cases.runJobs(caseNumber);
        Instant after = Instant.now();

        CaseRecord caseRecord = cases.caseRecord(caseNumber);
        StoredLetter letter = letters.latest(caseRecord, LetterKind.FINAL_DETERMINATION).orElseThrow();
        List<LetterService.IssuedCopy> issued = letters.issuedTo(letter);
        assertThat(issued).extracting(LetterService.IssuedCopy::role)
                .containsExactly("EMPLOYEE", "REPRESENTATIVE", "REQUESTING_PHYSICIAN", "CLAIMS_ADMINISTRATOR");
        assertThat(issued).extracting(LetterService.IssuedCopy::name).containsExactly(cases.caseRecord(caseNumber)
                .employeeName(), "Law Office of A. Test", "Dr. Test Physician", "Sierra Claims Administrators");
        assertThat(issued).allSatisfy(copy -> {
            assertThat(copy.issuedAt()).isBetween(before, after);
            assertThat(copy.delivery()).isEqualTo("MAIL");
        });
        assertThat(LetterTexts.body(letters.text(letter)))
                .contains("Employee's representative Law Office of A. Test by mail");

        letters.issue(cases.caseRecord(caseNumber), LetterKind.FINAL_DETERMINATION);

        assertThat(letters.issuedTo(letter)).isEqualTo(issued);
    }

    /** A case whose items the reviewer decided as given, in item order, waiting for letter QA. */
    private String decidedCase(ObjectNode application, List<String> decisions) {
        String caseNumber = cases.submit(application);
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.establishFacts(caseNumber);
        List<Task> tasks = cases.tasks(caseNumber, "DecideItemTask");
        assertThat(tasks).hasSize(decisions.size());
        for (Task task : tasks) {
            int itemNo = ((Number) taskService.getVariable(task.getId(), "itemNo")).intValue();
            Map<String, Object> answers = new HashMap<>();
            answers.put("decision", decisions.get(itemNo - 1));
            // Used where the decision departs from the guideline recommendation or the tables leave it open.
            answers.put("ownCitation", "MTUS Chronic Pain Medical Treatment Guidelines (2009), page 1 of 127");
            answers.put("ownRationale", "The reviewer weighed the documented function against the guideline.");
            taskService.complete(task.getId(), answers);
        }
        cases.task(caseNumber, "ReviewLetterTask");
        return caseNumber;
    }

    /** From "(n) " to the next item or the next section. */
    private static String itemBlock(String text, int n) {
        int start = text.indexOf("(" + n + ") ", text.indexOf("IMR ISSUES, DECISIONS AND RATIONALES"));
        int next = text.indexOf("(" + (n + 1) + ") ", start);
        int end = next > 0 && next < text.indexOf("DOCUMENTS REVIEWED") ? next : text.indexOf("DOCUMENTS REVIEWED");
        return text.substring(start, end).strip();
    }
}
