package org.openimr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.intake.Withdrawals;
import org.openimr.letter.LetterKind;
import org.openimr.letter.LetterService;
import org.openimr.letter.StoredLetter;
import org.openimr.records.Documents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of bpmn/imr-case.bpmn, driven through the engine as the case's people would. */
class ImrCaseProcessTest extends CaseTest {

    @Autowired
    LetterService letters;

    @Autowired
    Documents documents;

    @Autowired
    Withdrawals withdrawals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    FormService formService;

    @Autowired
    CaseRegistry registry;

    @Test
    void eligibleCaseWithThreeItemsEndsWithTheLetterIssued() {
        String caseNumber = cases.submit(TestApplications.threeItemCase());
        CaseProgress progress = cases.progress(caseNumber);
        progress.hasPassed("RegisterApplicationTask", "ScreenEligibilityTask",
                "SendNoticeOfAssignmentTask").hasNotPassed("ScreenApplicationTask").isWaitingAt("WaitForRecordsTask");

        cases.recordsArrive(caseNumber);
        progress.isWaitingAt("CheckRecordsCompletenessTask");
        assertThat(cases.task(caseNumber, "CheckRecordsCompletenessTask").getName())
                .as("a task names its case").isEqualTo("Check records completeness (" + caseNumber + ")");
        cases.recordsComplete(caseNumber);

        progress.hasPassed("SetDeterminationDeadlineTask", "SelectReviewerTask")
                .isWaitingAt("WriteClinicalSummaryTask");
        String reviewer = cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee();
        assertThat(reviewer).startsWith("reviewer");
        cases.writeClinicalSummary(caseNumber);

        assertThat(cases.tasks(caseNumber, "DecideItemTask")).hasSize(3)
                .allSatisfy(task -> assertThat(task.getAssignee()).isEqualTo(reviewer));
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("DecideItemTask").orderByTaskName().asc().list())
                .as("the decision tasks say which item they are of, and list in item order")
                .extracting(Task::getName).containsExactly(
                        "Decide disputed item 1 of 3: Additional Massage Therapy Visits for the cervical spine as… ("
                                + caseNumber + ")",
                        "Decide disputed item 2 of 3: Chiropractic manipulation, lumbar spine, 2 times a week for… ("
                                + caseNumber + ")",
                        "Decide disputed item 3 of 3: Norco 10/325 mg, 60 tablets (" + caseNumber + ")");
        cases.decideAllItems(caseNumber, "OVERTURNED");

        progress.hasPassed("ComposeLetterTask").isWaitingAt("ReviewLetterTask");
        cases.approveLetter(caseNumber);
        progress.isWaitingAt("IssueLetterTask");
        cases.runJobs(caseNumber);

        progress.isEnded().hasPassed("DeterminationIssuedEndEvent");
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("DETERMINATION_ISSUED");
        assertThat(record.outcome()).isEqualTo("MIXED");
        StoredLetter letter = letters.latest(record, LetterKind.FINAL_DETERMINATION).orElseThrow();
        assertThat(letter.status()).isEqualTo("ISSUED");
        assertThat(letters.recipientsIssued(letter)).containsExactly("EMPLOYEE: " + employee(record),
                "REQUESTING_PHYSICIAN: Dr. Test Physician", "CLAIMS_ADMINISTRATOR: Sierra Claims Administrators");
        assertThat(CaseDriver.flat(letters.text(letter))).contains("(1) Additional Massage Therapy Visits",
                "(2) Chiropractic", "(3) Norco");
        // The stages in the case's history are those it waited in, then how it ended.
        assertThat(stageHistory(record.processInstanceId())).containsExactly("AWAITING_RECORDS", "RECORDS_CHECK",
                "CLINICAL_SUMMARY", "ITEM_DECISIONS", "LETTER_QA", "ISSUED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.openimr.TestApplications#withEachScreeningFinding")
    void anIneligibleApplicationConfirmedByTheScreenerEndsWithTheNoticeAndItsReason(String reason,
            Consumer<ObjectNode> change) {
        ObjectNode application = TestApplications.seedCase();
        change.accept(application);
        String caseNumber = cases.submit(application);
        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask").hasNotPassed("SendIneligibilityNoticeTask");
        cases.confirmFindings(caseNumber);

        cases.progress(caseNumber).isEnded().hasPassed("SendIneligibilityNoticeTask",
                "CaseIneligibleEndEvent").hasNotPassed("SendNoticeOfAssignmentTask");
        assertThat(((String) cases.variable(caseNumber, "ineligibilityReasonCodes")).split(",")).containsExactly(reason);
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("INELIGIBLE");
        assertThat(record.closeReason()).isEqualTo(reason);
        StoredLetter notice = letters.latest(record, LetterKind.INELIGIBILITY_NOTICE).orElseThrow();
        assertThat(notice.status()).isEqualTo("ISSUED");
        // The PDF may break a line anywhere, so compare without whitespace.
        assertThat(CaseDriver.squash(letters.text(notice)))
                .contains(CaseDriver.squash((String) cases.variable(caseNumber, "ineligibilityReasons")));
    }

    @Test
    void theScreeningInputsAndFindingsAreKeptInTheEligibilityDecisionsHistoryNotAsVariables() {
        ObjectNode application = TestApplications.seedCase();
        application.put("liabilityDisputed", true);
        String caseNumber = cases.submit(application);

        String processInstanceId = cases.caseRecord(caseNumber).processInstanceId();
        HistoricDecisionInstance screening = historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(processInstanceId).decisionDefinitionKey("eligibility")
                .includeInputs().includeOutputs().singleResult();
        assertThat(screening.getActivityId()).isEqualTo("ScreenEligibilityTask");
        assertThat(screening.getInputs())
                .extracting(HistoricDecisionInputInstance::getClauseName, HistoricDecisionInputInstance::getValue)
                .contains(Tuple.tuple("Liability disputed by claims administrator", true),
                        Tuple.tuple("Filed by", "EMPLOYEE"), Tuple.tuple("UR decision type", "DENIED"),
                        Tuple.tuple("Days from UR service to filing", 14));
        assertThat(screening.getOutputs()).extracting(HistoricDecisionOutputInstance::getValue).contains("E6");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableNameIn("liabilityDisputed", "filedBy", "daysFromUrServiceToFiling", "decisionResult").count())
                .isZero();
        assertThat(cases.variable(caseNumber, "ineligibilityReasonCodes")).isEqualTo("E6");
    }

    @Test
    void anItemsAnswersStayWithItsDecisionAndNeverShowOnAnotherItemsForm() {
        String caseNumber = cases.submit(TestApplications.threeItemCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.establishFacts(caseNumber);
        List<Task> items = cases.tasks(caseNumber, "DecideItemTask");
        Task first = items.get(0);
        int firstItemNo = (Integer) taskService.getVariable(first.getId(), "itemNo");
        String departing = cases.decisionAgainstRecommendation(first.getId());
        String citation = "MTUS Chronic Pain Medical Treatment Guidelines (2009), page 9 of 127";

        taskService.complete(first.getId(), Map.of("decision", departing, "ownCitation", citation,
                "ownRationale", "The reviewer weighed the documented functional gains."));

        List<String> answers = List.of("decision", "decisionRationale", "ownCitation", "ownRationale");
        for (Task other : items.subList(1, items.size())) {
            assertThat(formService.getTaskFormVariables(other.getId()).entrySet())
                    .as("form of item %s", taskService.getVariable(other.getId(), "itemNo"))
                    .noneMatch(variable -> answers.contains(variable.getKey()) && variable.getValue() != null);
        }
        assertThat(runtimeService.getVariables(cases.processInstanceId(caseNumber))).doesNotContainKeys(
                answers.toArray(String[]::new));
        StoredItem decided = registry.items(cases.caseRecord(caseNumber).id()).get(firstItemNo - 1);
        assertThat(decided.decision()).isEqualTo(departing);
        assertThat(decided.decisionCitation()).isEqualTo(citation);
        HistoricTaskInstance firstInHistory = historyService.createHistoricTaskInstanceQuery().taskId(first.getId())
                .singleResult();
        assertThat(historyService.createHistoricDetailQuery().variableUpdates()
                .activityInstanceId(firstInHistory.getActivityInstanceId()).list())
                .extracting(detail -> ((HistoricVariableUpdate) detail).getValue())
                .contains(departing, citation);
    }

    @Test
    void aDecisionAgainstTheRecommendationWithoutItsOwnCitationIsRefusedAndLeavesNothingBehind() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.establishFacts(caseNumber);
        Task item = cases.tasks(caseNumber, "DecideItemTask").get(0);
        String departing = cases.decisionAgainstRecommendation(item.getId());

        String answer = http(item.getAssignee(), "demo").post().uri("/engine-rest/task/{id}/submit-form", item.getId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("decision", Map.of("value", departing),
                        "ownRationale", Map.of("value", "The reviewer weighed the documented functional gains."))))
                .exchange((request, response) -> response.getStatusCode().value() + " "
                        + new String(response.getBody().readAllBytes()));

        assertThat(answer).startsWith("400").contains("\"field\":\"ownCitation\"");
        assertThat(cases.tasks(caseNumber, "DecideItemTask")).extracting(Task::getId).contains(item.getId());
        assertThat(runtimeService.getVariables(cases.processInstanceId(caseNumber)))
                .doesNotContainKeys("decision", "ownRationale");
        assertThat(registry.items(cases.caseRecord(caseNumber).id())).allSatisfy(
                stored -> assertThat(stored.decision()).isNull());
    }

    @Test
    void aSecondApplicationForTheSameTreatmentConfirmedByTheScreenerIsIneligibleAsAlreadyUnderReview() {
        ObjectNode first = TestApplications.seedCase();
        cases.submit(first);
        // The same treatment under the same UR decision, with one more item: a new application, not the same one.
        ObjectNode second = first.deepCopy();
        ((ArrayNode) second.get("disputedItems")).addObject()
                .put("requestedTreatment", "Norco 10/325 mg, 60 tablets").put("treatmentCategory", "OPIOID")
                .put("requestDate", "2014-06-20").put("dailyMED", 40).put("functionalImprovement", true)
                .put("fourAsDocumented", true).put("aberrantBehavior", false);

        String caseNumber = cases.submit(second);
        cases.confirmFindings(caseNumber);

        assertThat(cases.variable(caseNumber, "ineligibilityReasonCodes")).isEqualTo("E7");
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("INELIGIBLE");
    }

    @Test
    void lateRecordsFireTheTimerGiveTheSupervisorATaskUntilTheRecordsArrive() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        Job timer = cases.timer(caseNumber, "RecordsDueTimer");
        Date due = (Date) cases.variable(caseNumber, "recordsDueAt");
        assertThat(timer.getDuedate()).isEqualTo(due);
        // Mailed notice: 15 days.
        Date sent = (Date) cases.variable(caseNumber, "noticeOfAssignmentSentAt");
        assertThat(ChronoUnit.DAYS.between(sent.toInstant(), due.toInstant())).isBetween(14L, 15L);

        processEngine.getManagementService().executeJob(timer.getId());

        cases.progress(caseNumber).isWaitingAt("WaitForRecordsTask", "FollowUpOverdueRecordsTask");
        assertThat(cases.task(caseNumber, "FollowUpOverdueRecordsTask").getName())
                .isEqualTo("Follow up overdue records (" + caseNumber + ")");
        CaseRecord caseRecord = cases.caseRecord(caseNumber);
        assertThat(documents.requests(caseRecord.id())).extracting(Documents.RecordsRequest::kind).containsExactly("INITIAL", "FOLLOW_UP");

        cases.recordsArrive(caseNumber);
        // The records end the follow-up as well as the wait: nothing is left to chase.
        cases.progress(caseNumber).isWaitingAt("CheckRecordsCompletenessTask");
    }

    @Test
    void incompleteRecordsAreRequestedAgainUntilComplete() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.complete(caseNumber, "CheckRecordsCompletenessTask",
                Map.of("recordsComplete", "false", "missingRecordsNote", "The PR-2 reports of May 2014 are missing"));

        cases.progress(caseNumber).hasPassed("RequestMissingRecordsTask").isWaitingAt("WaitForRecordsTask");
        CaseRecord caseRecord = cases.caseRecord(caseNumber);
        assertThat(documents.requests(caseRecord.id())).last().satisfies(request -> {
            assertThat(request.kind()).isEqualTo("ADDITIONAL");
            assertThat(request.note()).isEqualTo("The PR-2 reports of May 2014 are missing");
        });

        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.progress(caseNumber).isWaitingAt("WriteClinicalSummaryTask");
    }

    @Test
    void withNoQualifiedReviewerASupervisorAssignsOneAndAConflictedOneIsRefused() {
        ObjectNode application = TestApplications.seedCase();
        ((ObjectNode) application.get("claimsAdministrator")).put("name", "Golden State Claims Services");
        String caseNumber = cases.submit(application);
        cases.recordsArrive(caseNumber);
        // Restore exactly the reviewers that were active: others may have been retired on purpose.
        List<Long> active = jdbc.sql("select id from imr_reviewer where active = true").query(Long.class).list();
        jdbc.sql("update imr_reviewer set active = false").update();
        try {
            cases.recordsComplete(caseNumber);
        } finally {
            jdbc.sql("update imr_reviewer set active = true where id in (:ids)").param("ids", active).update();
        }
        cases.progress(caseNumber).isWaitingAt("AssignReviewerManuallyTask");
        assertThat((String) cases.variable(caseNumber, "reviewerSelectionReport")).contains("reviewer1", "inactive");

        assertThatThrownBy(() -> cases.complete(caseNumber, "AssignReviewerManuallyTask",
                Map.of("retrySelection", false, "manualReviewerUserId", "reviewer1")))
                .hasMessageContaining("affiliated with the claims administrator");
        cases.progress(caseNumber).isWaitingAt("AssignReviewerManuallyTask");

        cases.complete(caseNumber, "AssignReviewerManuallyTask",
                Map.of("retrySelection", false, "manualReviewerUserId", "reviewer2"));
        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee()).isEqualTo("reviewer2");
        assertThat(stageHistory(cases.processInstanceId(caseNumber))).containsExactly("AWAITING_RECORDS",
                "RECORDS_CHECK", "REVIEWER_SELECTION", "CLINICAL_SUMMARY");
    }

    @Test
    void letterQaReturnsTheLetterAndTheCorrectionMakesANewVersion() {
        String caseNumber = caseAtLetterQa();
        cases.complete(caseNumber, "ReviewLetterTask", Map.of("letterApproved", "false",
                "qaNote", "The summary should state the date of the visit note"));
        String reviewer = cases.task(caseNumber, "CorrectLetterTask").getAssignee();
        assertThat(reviewer).startsWith("reviewer");

        cases.complete(caseNumber, "CorrectLetterTask", Map.of("clinicalSummary",
                "The claimant was described as a 44-year-old man injured in 2012. There was a visit note from August 8, 2014."));

        cases.progress(caseNumber).isWaitingAt("ReviewLetterTask");
        CaseRecord caseRecord = cases.caseRecord(caseNumber);
        assertThat(letters.letters(caseRecord)).filteredOn(l -> l.kind().equals("FINAL_DETERMINATION"))
                .extracting(StoredLetter::version, StoredLetter::status)
                .containsExactly(Tuple.tuple(1, "RETURNED"),
                        Tuple.tuple(2, "DRAFT"));
        StoredLetter second = letters.latest(caseRecord, LetterKind.FINAL_DETERMINATION).orElseThrow();
        assertThat(CaseDriver.flat(letters.text(second))).contains("There was a visit note from August 8, 2014.");

        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);
        cases.progress(caseNumber).isEnded();
    }

    @ParameterizedTest(name = "withdrawn while {0}")
    @MethodSource("stages")
    void withdrawalEndsTheCaseAtAnyStageAndFreesTheReviewer(String stage) {
        String caseNumber = cases.submit(TestApplications.seedCase());
        if (!stage.equals("AwaitingRecords")) {
            cases.recordsArrive(caseNumber);
            cases.recordsComplete(caseNumber);
        }
        if (stage.equals("LetterQa")) {
            cases.writeClinicalSummary(caseNumber);
            cases.decideAllItems(caseNumber, "UPHELD");
        }
        cases.progress(caseNumber).isWaitingAt(Map.of("AwaitingRecords", "WaitForRecordsTask",
                "ClinicalSummary", "WriteClinicalSummaryTask", "LetterQa", "ReviewLetterTask").get(stage));
        String reviewer = (String) runtimeService.getVariable(cases.processInstanceId(caseNumber), "reviewerUserId");
        int openBefore = reviewer == null ? 0 : openCases(reviewer);

        withdrawals.withdraw(caseNumber, new Withdrawals.Withdrawal(Withdrawals.Reason.TREATMENT_AUTHORIZED,
                "The claims administrator authorized the visits"));

        cases.progress(caseNumber).isEnded().hasPassed("CloseWithdrawnCaseTask", "CaseWithdrawnEndEvent");
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("WITHDRAWN");
        assertThat(record.closeReason()).isEqualTo("TREATMENT_AUTHORIZED");
        if (reviewer != null) {
            assertThat(openCases(reviewer)).isEqualTo(openBefore - 1);
        }
    }

    static List<String> stages() {
        return List.of("AwaitingRecords", "ClinicalSummary", "LetterQa");
    }

    private String caseAtLetterQa() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");
        return caseNumber;
    }

    private int openCases(String reviewer) {
        return jdbc.sql("select open_cases from imr_reviewer where user_id = ?").param(reviewer).query(Integer.class).single();
    }

    /** The values the case's stage took, in order, as its history keeps them. */
    private List<Object> stageHistory(String processInstanceId) {
        return historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates()
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricVariableUpdate.class::cast).filter(update -> update.getVariableName().equals("stage"))
                .map(HistoricVariableUpdate::getValue).toList();
    }

    private static String employee(CaseRecord record) {
        return record.employeeName();
    }
}
