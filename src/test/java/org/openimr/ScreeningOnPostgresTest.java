package org.openimr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openimr.cases.CaseRecord;
import org.openimr.letter.LetterKind;
import org.openimr.letter.LetterService;
import org.openimr.letter.StoredLetter;
import org.openimr.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Eligibility screening on a real PostgreSQL: the eligibility table advises, intake decides. A
 * clean application goes straight to the notice of assignment; one with any finding waits at
 * "Screen application" for intake, under the screening deadline, which the SLA views count; the
 * screener confirms the findings (the ineligibility notice, issued once) or overrides them with a
 * reason kept in the case's screening history, or defers a liability dispute (E6) until the claims
 * administrator's liability determination is recorded. The test has its own database, so the SLA
 * summary counts only its cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ScreeningOnPostgresTest {

    private static final String DATABASE = "screening";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    LetterService letters;

    @Autowired
    ManagementService managementService;

    CaseDriver cases;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
        EmbeddedPostgres.registerOwnDatabase(registry, DATABASE);
    }

    @BeforeEach
    void driver() {
        cases = new CaseDriver(context);
    }

    @Test
    void aCleanApplicationGoesStraightToTheNoticeOfAssignmentWithNoScreeningTask() {
        String caseNumber = cases.submit(TestApplications.seedCase());

        cases.progress(caseNumber).hasPassed("ScreenEligibilityTask", "SendNoticeOfAssignmentTask")
                .hasNotPassed("ScreenApplicationTask").isWaitingAt("WaitForRecordsTask");
        assertThat(cases.tasks(caseNumber, "ScreenApplicationTask")).isEmpty();
        assertThat(screening(caseNumber).get("decisions")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.openimr.TestApplications#withEachScreeningFinding")
    void anApplicationWithAFindingWaitsForIntakeToScreenIt(String rule, Consumer<ObjectNode> change) {
        ObjectNode application = TestApplications.seedCase();
        change.accept(application);
        Instant submitted = Instant.now();
        String caseNumber = cases.submit(application);

        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask")
                .hasNotPassed("SendIneligibilityNoticeTask", "SendNoticeOfAssignmentTask");
        Task task = cases.task(caseNumber, "ScreenApplicationTask");
        assertThat(task.getName()).isEqualTo("Screen application (" + caseNumber + ")");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains("intake");
        // The finding is shown with its rule; the task is due when screening is (D3: the next business day).
        assertThat((String) taskService.getVariable(task.getId(), "screeningFindings")).startsWith("- **" + rule + "**");
        JsonNode deadlines = as("supervisor1").get().uri("/api/cases/{n}/deadlines", caseNumber).retrieve()
                .body(JsonNode.class);
        assertThat(deadlines.get("slaDeadline").asText()).isEqualTo("SCREENING");
        Instant due = Instant.parse(deadlines.get("screeningDueAt").asText());
        assertThat(task.getDueDate().toInstant()).isEqualTo(due);
        assertThat(due).isAfter(submitted.plusSeconds(12 * 3600)).isBefore(submitted.plusSeconds(5 * 24 * 3600));
        assertThat(cases.caseRecord(caseNumber).stage()).isEqualTo("SCREENING");
        assertThat(letters.letters(cases.caseRecord(caseNumber))).isEmpty();
    }

    @Test
    void anItemRepeatingAnEarlierCasesItemUnderTheSameUrDecisionIsLeftOutAndTheRestGoOn() throws Exception {
        ObjectNode first = TestApplications.seedCase();
        String earlier = cases.submit(first);
        ObjectNode second = first.deepCopy();
        // Another physician's application: no earlier case to join (C1) besides the duplicate.
        ((ObjectNode) second.get("requestingPhysician")).put("name", "Dr. Other Physician");
        ((ArrayNode) second.get("disputedItems")).addObject()
                .put("requestedTreatment", "Chiropractic manipulation, lumbar spine, 2 times a week for 6 weeks")
                .put("treatmentCategory", "CHIRO").put("bodyRegion", "LUMBAR").put("requestDate", "2014-06-20")
                .put("priorUnits", 6).put("requestedUnits", 12).put("functionalImprovement", true);

        String caseNumber = cases.submit(second);

        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask");
        Task task = cases.task(caseNumber, "ScreenApplicationTask");
        assertThat((String) taskService.getVariable(task.getId(), "screeningFindings")).startsWith("- **E7**");
        // The screener sees which item repeats which item of which case.
        assertThat((String) taskService.getVariable(task.getId(), "duplicateItemsShown"))
                .startsWith("- Item (1) Additional Massage Therapy Visits").contains("item (1) of case " + earlier + " (open)")
                .doesNotContain("Item (2)");
        taskService.claim(task.getId(), "intake1");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("screeningDecision", "EXCLUDE_ITEMS",
                "excludedItems", "2"))).hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Items to leave out must name only the duplicate items 1");

        taskService.complete(task.getId(), Map.of("screeningDecision", "EXCLUDE_ITEMS", "excludedItems", "1"));

        cases.progress(caseNumber).hasPassed("SendItemIneligibilityNoticeTask", "SendNoticeOfAssignmentTask")
                .hasNotPassed("SendIneligibilityNoticeTask").isWaitingAt("WaitForRecordsTask");
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("OPEN");
        StoredLetter notice = letters.issued(record, LetterKind.ITEM_INELIGIBILITY_NOTICE).orElseThrow();
        String text = CaseDriver.flat(letters.text(notice));
        assertThat(text).contains("TREATMENT ITEMS NOT ELIGIBLE", "(1) Additional Massage Therapy Visits",
                "is the subject of item (1) of IMR case " + earlier, "The review goes on for: (2) Chiropractic manipulation");
        assertThat(letters.recipientsIssued(notice)).hasSize(3);
        // Run again (a retried job, an operator), the step sends nothing more.
        context.getBean("sendItemIneligibilityNotice", JavaDelegate.class).execute(execution(caseNumber));
        assertThat(letters.letters(record)).filteredOn(l -> l.kind().equals(LetterKind.ITEM_INELIGIBILITY_NOTICE.name()))
                .containsExactly(notice);
        // The review decides item 2 only; the notice of assignment names it alone.
        assertThat(cases.variable(caseNumber, "reviewItems")).isEqualTo("2");
        assertThat(cases.variable(caseNumber, "itemCount")).isEqualTo(1);
        assertThat(CaseDriver.flat(letters.text(letters.issued(record, LetterKind.NOTICE_OF_ASSIGNMENT).orElseThrow())))
                .contains("Chiropractic manipulation").doesNotContain("Additional Massage Therapy Visits");
        assertThat(screening(caseNumber).at("/decisions/0/reason").asText()).isEqualTo("Items left out of the review: 1");

        // The reviewer decides item 2 alone, and the final determination letter is about it alone.
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        assertThat(cases.tasks(caseNumber, "DecideItemTask")).singleElement()
                .satisfies(decide -> assertThat(decide.getName())
                        .startsWith("Decide disputed item 2 (1 of 1 under review): Chiropractic manipulation"));
        cases.decideAllItems(caseNumber, "OVERTURNED");
        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);
        cases.progress(caseNumber).isEnded().hasPassed("DeterminationIssuedEndEvent");
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("DETERMINATION_ISSUED");
        String letter = CaseDriver.flat(letters.text(letters.issued(record, LetterKind.FINAL_DETERMINATION).orElseThrow()));
        assertThat(letter).contains("Chiropractic manipulation").doesNotContain("Additional Massage Therapy Visits");
    }

    @Test
    void theSameTreatmentUnderANewUrDecisionIsNotADuplicate() {
        ObjectNode first = TestApplications.seedCase();
        cases.submit(first);
        ObjectNode second = first.deepCopy();
        ((ObjectNode) second.get("requestingPhysician")).put("name", "Dr. Other Physician");
        second.put("urDecisionDate", "2014-06-28");
        second.put("urDecisionServedDate", "2014-06-30");

        String caseNumber = cases.submit(second);

        cases.progress(caseNumber).hasNotPassed("ScreenApplicationTask").isWaitingAt("WaitForRecordsTask");
    }

    @Test
    void theSlaSummaryCountsCasesWaitingForScreening() {
        ObjectNode application = TestApplications.seedCase();
        application.put("urDecisionAttached", false);
        String caseNumber = cases.submit(application);

        JsonNode summary = as("supervisor1").get().uri("/api/sla/summary").retrieve().body(JsonNode.class);
        JsonNode row = stageRow(summary, "SCREENING");
        assertThat(row.get("onTrack").asInt()).isEqualTo(screeningCases());
        // Screening is due sooner than any records or determination deadline: it leads the closest deadlines.
        assertThat(summary.at("/closestToDeadline/0/deadline").asText()).isEqualTo("SCREENING");

        cases.confirmFindings(caseNumber);
        JsonNode after = as("supervisor1").get().uri("/api/sla/summary").retrieve().body(JsonNode.class);
        assertThat(stageRow(after, "SCREENING") == null ? 0 : stageRow(after, "SCREENING").get("onTrack").asInt())
                .isEqualTo(row.get("onTrack").asInt() - 1);
    }

    @Test
    void confirmingTheFindingsSendsTheIneligibilityNoticeOnceAndClosesTheCase() {
        ObjectNode application = TestApplications.seedCase();
        application.put("filedBy", "EMPLOYER");
        String caseNumber = cases.submit(application);

        cases.confirmFindings(caseNumber);

        cases.progress(caseNumber).isEnded().hasPassed("ScreenApplicationTask", "SendIneligibilityNoticeTask",
                "CaseIneligibleEndEvent").hasNotPassed("SendNoticeOfAssignmentTask");
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("INELIGIBLE");
        assertThat(record.closeReason()).isEqualTo("E10");
        StoredLetter notice = letters.issued(record, LetterKind.INELIGIBILITY_NOTICE).orElseThrow();
        assertThat(CaseDriver.flat(letters.text(notice))).contains("Only the injured employee or the employee's "
                + "representative may request independent medical review.");
        assertThat(letters.letters(record)).extracting(StoredLetter::kind)
                .containsExactly(LetterKind.INELIGIBILITY_NOTICE.name());
        JsonNode decision = screening(caseNumber).at("/decisions/0");
        assertThat(decision.get("decision").asText()).isEqualTo("INELIGIBLE");
        assertThat(decision.get("findings").get(0).asText()).isEqualTo("E10");
        assertThat(decision.get("decidedBy").asText()).isEqualTo("intake1");
    }

    @Test
    void anOverrideNeedsAReasonAndSendsTheCaseOnWithTheReasonInItsHistory() {
        ObjectNode application = TestApplications.seedCase();
        // Filed 34 days after service, but the UR decision was served by mail: five more days.
        application.put("applicationReceivedDate", "2014-08-03");
        String caseNumber = cases.submit(application);
        Task task = cases.task(caseNumber, "ScreenApplicationTask");
        taskService.claim(task.getId(), "intake1");

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("screeningDecision", "ELIGIBLE")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("Why the findings do not hold is required");
        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask");
        assertThat(screening(caseNumber).get("decisions")).isEmpty();

        String reason = "The UR decision was served by mail: five more days to file, so the application is timely.";
        taskService.complete(task.getId(), Map.of("screeningDecision", "ELIGIBLE", "screeningReason", reason));

        cases.progress(caseNumber).hasPassed("ScreenApplicationTask", "SendNoticeOfAssignmentTask")
                .hasNotPassed("SendIneligibilityNoticeTask").isWaitingAt("WaitForRecordsTask");
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("OPEN");
        assertThat(record.stage()).isEqualTo("AWAITING_RECORDS");
        assertThat(letters.issued(record, LetterKind.NOTICE_OF_ASSIGNMENT)).isPresent();
        assertThat(letters.latest(record, LetterKind.INELIGIBILITY_NOTICE)).isEmpty();
        JsonNode decision = screening(caseNumber).at("/decisions/0");
        assertThat(decision.get("decision").asText()).isEqualTo("ELIGIBLE");
        assertThat(decision.get("findings").get(0).asText()).isEqualTo("E1");
        assertThat(decision.get("reason").asText()).isEqualTo(reason);
        assertThat(decision.get("decidedBy").asText()).isEqualTo("intake1");
        // Cockpit's history of the case shows the decision and its reason too.
        assertThat(cases.variable(caseNumber, "screeningReason")).isEqualTo(reason);
        assertThat(cases.variable(caseNumber, "slaDeadline")).isEqualTo("RECORDS");
    }

    @Test
    void deferringALiabilityDisputeSendsTheNoticeOnceWaitsWithRemindersAndGoesOnWhenLiabilityIsAccepted()
            throws Exception {
        ObjectNode application = TestApplications.seedCase();
        application.put("liabilityDisputed", true);
        String caseNumber = cases.submit(application);
        screen(caseNumber, "DEFER", null);

        cases.progress(caseNumber).hasPassed("SendDeferralNoticeTask").isWaitingAt("WaitForLiabilityDeterminationTask")
                .hasNotPassed("SendIneligibilityNoticeTask", "SendNoticeOfAssignmentTask");
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("OPEN");
        assertThat(record.stage()).isEqualTo("DEFERRED");
        StoredLetter notice = letters.issued(record, LetterKind.DEFERRAL_NOTICE).orElseThrow();
        assertThat(CaseDriver.flat(letters.text(notice))).contains("INDEPENDENT MEDICAL REVIEW DEFERRED",
                "Case Number: " + caseNumber, "deferred until liability is resolved", "The application is not closed.",
                "(1) Additional Massage Therapy Visits");
        assertThat(letters.recipientsIssued(notice)).hasSize(3);
        // Run again (a retried job, an operator), the step sends nothing more.
        context.getBean("sendDeferralNotice", JavaDelegate.class).execute(execution(caseNumber));
        assertThat(letters.letters(record)).containsExactly(notice);

        // The SLA views count it as deferred, on no deadline.
        JsonNode deferred = stageRow(as("supervisor1").get().uri("/api/sla/summary").retrieve().body(JsonNode.class),
                "DEFERRED");
        assertThat(deferred.get("total").asInt()).isPositive();
        assertThat(as("supervisor1").get().uri("/api/cases/{n}/deadlines", caseNumber).retrieve().body(JsonNode.class)
                .get("slaDeadline").asText()).isEqualTo("LIABILITY");

        // A supervisor is reminded every 14 days (the default) until the determination comes.
        Job reminder = cases.timer(caseNumber, "DeferralReminderTimer");
        assertThat(Duration.between(Instant.now(), reminder.getDuedate().toInstant()).toDays()).isBetween(13L, 14L);
        managementService.executeJob(reminder.getId());
        assertThat(cases.task(caseNumber, "CheckDeferredCaseTask").getName()).isEqualTo("Check deferred case (" + caseNumber + ")");
        // The reminder comes again, another interval on.
        Job next = cases.timer(caseNumber, "DeferralReminderTimer");
        assertThat(next.getId()).isNotEqualTo(reminder.getId());
        assertThat(Duration.between(Instant.now(), next.getDuedate().toInstant()).toDays()).isBetween(13L, 14L);
        cases.progress(caseNumber).isWaitingAt("WaitForLiabilityDeterminationTask", "CheckDeferredCaseTask");

        JsonNode history = recordLiability(caseNumber, true);

        cases.progress(caseNumber).hasPassed("SendNoticeOfAssignmentTask").isWaitingAt("WaitForRecordsTask");
        assertThat(cases.tasks(caseNumber, "CheckDeferredCaseTask")).isEmpty();
        assertThat(cases.timer(caseNumber, "DeferralReminderTimer")).isNull();
        assertThat(cases.caseRecord(caseNumber).stage()).isEqualTo("AWAITING_RECORDS");
        assertThat(history.get("decisions").findValuesAsText("decision")).containsExactly("DEFER", "LIABILITY_ACCEPTED");
        assertThat(history.at("/decisions/1/reason").asText()).isEqualTo("Liability accepted by the claims administrator.");
    }

    @Test
    void liabilityNotAcceptedEndsTheDeferredCaseAsIneligibleWithTheDetermination() {
        ObjectNode application = TestApplications.seedCase();
        application.put("liabilityDisputed", true);
        String caseNumber = cases.submit(application);
        screen(caseNumber, "DEFER", null);

        recordLiability(caseNumber, false);

        cases.progress(caseNumber).isEnded().hasPassed("SendIneligibilityNoticeTask")
                .hasNotPassed("SendNoticeOfAssignmentTask");
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("INELIGIBLE");
        assertThat(CaseDriver.flat(letters.text(letters.issued(record, LetterKind.INELIGIBILITY_NOTICE).orElseThrow())))
                .contains("The claims administrator determined on January 10, 2025 that it is not liable");
    }

    @Test
    void aDeferralWithoutALiabilityDisputeIsRefusedAndALiabilityDeterminationOnlyEndsADeferral() {
        ObjectNode application = TestApplications.seedCase();
        application.put("urDecisionAttached", false);
        String caseNumber = cases.submit(application);
        Task task = cases.task(caseNumber, "ScreenApplicationTask");
        taskService.claim(task.getId(), "intake1");

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("screeningDecision", "DEFER")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("liability is disputed");
        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask");

        HttpStatusCode status = as("intake1").post().uri("/api/cases/{n}/liability-determination", caseNumber)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("liabilityAccepted", true, "determinationDate", "2025-01-10"))
                .exchange((request, response) -> response.getStatusCode());
        assertThat(status.value()).isEqualTo(409);
        HttpStatusCode invalid = as("intake1").post().uri("/api/cases/{n}/liability-determination", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("liabilityAccepted", "perhaps"))
                .exchange((request, response) -> response.getStatusCode());
        assertThat(invalid.value()).isEqualTo(400);
    }

    @Test
    void liabilityAcceptedWithOtherFindingsGoesBackToTheScreenerWithoutTheDispute() {
        ObjectNode application = TestApplications.seedCase();
        application.put("liabilityDisputed", true);
        application.put("urDecisionAttached", false);
        String caseNumber = cases.submit(application);
        screen(caseNumber, "DEFER", null);

        recordLiability(caseNumber, true);

        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask");
        String findings = (String) taskService.getVariable(cases.task(caseNumber, "ScreenApplicationTask").getId(),
                "screeningFindings");
        assertThat(findings).startsWith("- **E3**").doesNotContain("E6");
    }

    @Test
    void aRequestForInformationGoesToThePartyOnceWaitsUnderItsDeadlineAndTheAnswerComesBackToTheScreener()
            throws Exception {
        ObjectNode application = TestApplications.seedCase();
        ((ObjectNode) application.get("employee")).remove("claimNumber");
        String caseNumber = cases.submit(application);
        Instant asked = Instant.now();

        requestInformation(caseNumber, "CLAIMS_ADMINISTRATOR", "The claim number\nThe date the UR decision was served");

        cases.progress(caseNumber).hasPassed("SendInformationRequestTask").isWaitingAt("RecordInformationReceivedTask")
                .hasNotPassed("SendIneligibilityNoticeTask", "SendNoticeOfAssignmentTask");
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("OPEN");
        assertThat(record.stage()).isEqualTo("AWAITING_INFORMATION");
        // The answer is due in 5 business days (D2): a week on the calendar, more over a holiday.
        JsonNode deadlines = as("supervisor1").get().uri("/api/cases/{n}/deadlines", caseNumber).retrieve()
                .body(JsonNode.class);
        assertThat(deadlines.get("slaDeadline").asText()).isEqualTo("INFORMATION");
        Instant due = Instant.parse(deadlines.get("informationDueAt").asText());
        assertThat(due).isAfter(asked.plus(Duration.ofDays(6))).isBefore(asked.plus(Duration.ofDays(10)));
        assertThat(cases.timer(caseNumber, "InformationDueTimer").getDuedate().toInstant()).isEqualTo(due);
        assertThat(stageRow(as("supervisor1").get().uri("/api/sla/summary").retrieve().body(JsonNode.class),
                "AWAITING_INFORMATION").get("total").asInt()).isPositive();

        StoredLetter notice = letters.issued(record, LetterKind.INFORMATION_REQUEST).orElseThrow();
        assertThat(CaseDriver.flat(letters.text(notice))).contains("REQUEST FOR INFORMATION", "Case Number: " + caseNumber,
                "Requested From: Claims administrator", "Answer Due: " + cases.variable(caseNumber, "informationDueAtText"),
                "Claim Number: Not stated", "The claim number", "The date the UR decision was served",
                "(1) Additional Massage Therapy Visits", "is not eligible for independent medical review");
        assertThat(letters.recipientsIssued(notice)).containsExactly("CLAIMS_ADMINISTRATOR: Sierra Claims Administrators");
        // Run again (a retried job, an operator), the step sends nothing more.
        context.getBean("sendInformationRequest", JavaDelegate.class).execute(requests(caseNumber, 1));
        assertThat(letters.letters(record)).containsExactly(notice);

        JsonNode history = answer(caseNumber, "Claim number CLM-2014-0042; the UR decision was served on June 30, 2014.");

        // The API closed the wait intake sees in Tasklist: no task to record the answer is left, nor its deadline.
        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask");
        assertThat(cases.tasks(caseNumber, "RecordInformationReceivedTask")).isEmpty();
        assertThat(cases.timer(caseNumber, "InformationDueTimer")).isNull();
        assertThat(cases.caseRecord(caseNumber).stage()).isEqualTo("SCREENING");
        Task again = cases.task(caseNumber, "ScreenApplicationTask");
        assertThat((String) taskService.getVariable(again.getId(), "informationAnswer")).contains("CLM-2014-0042");
        assertThat((String) taskService.getVariable(again.getId(), "screeningFindings")).startsWith("- **E9**");
        assertThat(history.get("decisions").findValuesAsText("decision"))
                .containsExactly("REQUEST_INFORMATION", "INFORMATION_RECEIVED");
        assertThat(history.at("/decisions/0/reason").asText()).startsWith("Asked of the claims administrator: The claim number");

        // A second request, to another party, is a second notice, sent once too.
        requestInformation(caseNumber, "EMPLOYEE", "Your signature on the application");
        context.getBean("sendInformationRequest", JavaDelegate.class).execute(requests(caseNumber, 2));
        assertThat(letters.letters(record)).extracting(StoredLetter::kind).containsExactly(
                LetterKind.INFORMATION_REQUEST.name(), LetterKind.INFORMATION_REQUEST.name());
        StoredLetter second = letters.issued(record, LetterKind.INFORMATION_REQUEST).orElseThrow();
        assertThat(letters.recipientsIssued(second)).containsExactly("EMPLOYEE: " + application.at("/employee/name").asText());
        JsonNode signed = as("intake1").post().uri("/api/cases/{n}/information-received", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("answer", "Signed application.",
                        "document", "Signed application, in the case file")).retrieve().body(JsonNode.class);
        assertThat(signed.at("/decisions/3/reason").asText()).endsWith("Signed application.\nDocument: Signed application, "
                + "in the case file");
        assertThat(signed.at("/decisions/3/decidedBy").asText()).isEqualTo("intake1");
        screen(caseNumber, "ELIGIBLE", "The claims administrator gave the claim number; the application is complete.");

        cases.progress(caseNumber).hasPassed("SendNoticeOfAssignmentTask").isWaitingAt("WaitForRecordsTask");
    }

    @Test
    void intakeRecordsTheAnswerInTasklistAndTheCaseGoesBackToTheScreenerWithNoWaitLeft() {
        ObjectNode application = TestApplications.seedCase();
        ((ObjectNode) application.get("employee")).remove("claimNumber");
        String caseNumber = cases.submit(application);
        requestInformation(caseNumber, "CLAIMS_ADMINISTRATOR", "The claim number");

        // While the case waits, intake has a task for the answer, due when the answer is.
        Task task = cases.task(caseNumber, "RecordInformationReceivedTask");
        assertThat(task.getName()).isEqualTo("Record information received (" + caseNumber + ")");
        assertThat(task.getCamundaFormRef().getKey()).isEqualTo("record-information-received");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("intake");
        assertThat(task.getDueDate().toInstant()).isEqualTo(((Date) cases.variable(caseNumber, "informationDueAt"))
                .toInstant());
        taskService.claim(task.getId(), "intake1");

        String tomorrow = LocalDate.now().plusDays(2).toString();
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("answerText", "CLM-2014-0042",
                "answerReceivedDate", tomorrow))).hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must not be in the future");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("answerReceivedDate", "2025-01-10")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("What came is required");
        cases.progress(caseNumber).isWaitingAt("RecordInformationReceivedTask");

        LocalDate received = LocalDate.now().minusDays(1);
        taskService.complete(task.getId(), Map.of("answerText", "Claim number CLM-2014-0042, by fax.",
                "answerReceivedDate", received.toString(), "answerDocument", "Fax from Sierra Claims Administrators, 1 page"));

        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask");
        assertThat(cases.timer(caseNumber, "InformationDueTimer")).isNull();
        Task screening = cases.task(caseNumber, "ScreenApplicationTask");
        assertThat((String) taskService.getVariable(screening.getId(), "informationAnswer")).isEqualTo("Received "
                + received.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)) + ": Claim number CLM-2014-0042, by fax.\nDocument: Fax from Sierra Claims Administrators, 1 page");
        // The form's fields do not linger to fill the next request's form.
        assertThat(taskService.getVariable(screening.getId(), "answerText")).isNull();
        assertThat(taskService.getVariable(screening.getId(), "answerDocument")).isNull();
        // Nor does the finished request's decision: the screener starts a new decision, with what was asked beside the answer.
        for (String field : new String[] {"screeningDecision", "informationParty", "informationRequested"}) {
            assertThat(taskService.getVariables(screening.getId())).doesNotContainKey(field);
        }
        assertThat(taskService.getVariable(screening.getId(), "informationAsked"))
                .isEqualTo("Asked of the claims administrator: The claim number");
        assertThat((String) taskService.getVariable(screening.getId(), "screeningFindings")).startsWith("- **E9**");
        JsonNode history = screening(caseNumber);
        assertThat(history.get("decisions").findValuesAsText("decision"))
                .containsExactly("REQUEST_INFORMATION", "INFORMATION_RECEIVED");
        assertThat(history.at("/decisions/1/decidedBy").asText()).isEqualTo("intake1");
        assertThat(history.at("/decisions/1/reason").asText()).contains("CLM-2014-0042", "Fax from Sierra");

        // The wait is closed for the API too.
        HttpStatusCode again = as("intake1").post().uri("/api/cases/{n}/information-received", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("answer", "Here it is again."))
                .exchange((request, response) -> response.getStatusCode());
        assertThat(again.value()).isEqualTo(409);
    }

    @Test
    void aRequestLeftUnansweredByItsDeadlineEndsTheCaseAsIneligibleWithTheNotice() {
        ObjectNode application = TestApplications.seedCase();
        application.put("urDecisionAttached", false);
        String caseNumber = cases.submit(application);
        requestInformation(caseNumber, "EMPLOYEE", "A copy of the utilization review decision");
        assertThat(letters.recipientsIssued(letters.issued(cases.caseRecord(caseNumber), LetterKind.INFORMATION_REQUEST)
                .orElseThrow())).containsExactly("EMPLOYEE: " + application.at("/employee/name").asText());

        assertThat(cases.tasks(caseNumber, "RecordInformationReceivedTask")).hasSize(1);

        managementService.executeJob(cases.timer(caseNumber, "InformationDueTimer").getId());

        assertThat(cases.tasks(caseNumber, "RecordInformationReceivedTask")).isEmpty();
        cases.progress(caseNumber).isEnded().hasPassed("RecordUnansweredRequestTask", "SendIneligibilityNoticeTask")
                .hasNotPassed("SendNoticeOfAssignmentTask");
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("INELIGIBLE");
        assertThat(record.closeReason()).isEqualTo("E3,E9");
        String notice = CaseDriver.flat(letters.text(letters.issued(record, LetterKind.INELIGIBILITY_NOTICE).orElseThrow()));
        assertThat(notice).contains("The information requested from the employee (A copy of the utilization review "
                + "decision) was not received by", "the application is incomplete");
        assertThat(screening(caseNumber).get("decisions").findValuesAsText("decision"))
                .containsExactly("REQUEST_INFORMATION", "INFORMATION_NOT_RECEIVED");
    }

    @Test
    void aRequestNeedsItsPartyAndWhatIsMissingAndAnAnswerOnlyEndsARequest() {
        ObjectNode application = TestApplications.seedCase();
        application.put("urDecisionAttached", false);
        String caseNumber = cases.submit(application);
        Task task = cases.task(caseNumber, "ScreenApplicationTask");
        taskService.claim(task.getId(), "intake1");

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("screeningDecision", "REQUEST_INFORMATION",
                "informationParty", "EMPLOYEE"))).hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("What is missing is required");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("screeningDecision", "REQUEST_INFORMATION",
                "informationParty", "EMPLOYER", "informationRequested", "Payroll"))).hasRootCauseInstanceOf(
                InvalidInputException.class).hasMessageContaining("Party to ask must be one of");
        cases.progress(caseNumber).isWaitingAt("ScreenApplicationTask");
        assertThat(letters.letters(cases.caseRecord(caseNumber))).isEmpty();

        HttpStatusCode notWaiting = as("intake1").post().uri("/api/cases/{n}/information-received", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("answer", "Here it is."))
                .exchange((request, response) -> response.getStatusCode());
        assertThat(notWaiting.value()).isEqualTo(409);
        HttpStatusCode empty = as("intake1").post().uri("/api/cases/{n}/information-received", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("receivedDate", "2025-01-10"))
                .exchange((request, response) -> response.getStatusCode());
        assertThat(empty.value()).isEqualTo(400);
    }

    private void requestInformation(String caseNumber, String party, String missing) {
        Task task = cases.task(caseNumber, "ScreenApplicationTask");
        taskService.claim(task.getId(), "intake1");
        taskService.complete(task.getId(), Map.of("screeningDecision", "REQUEST_INFORMATION", "informationParty", party,
                "informationRequested", missing));
    }

    private JsonNode answer(String caseNumber, String answer) {
        return as("intake1").post().uri("/api/cases/{n}/information-received", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("answer", answer))
                .retrieve().body(JsonNode.class);
    }

    /** The execution a retried "Send request for information" runs with: the case's variables as they stand. */
    private DelegateExecution requests(String caseNumber, int requests) {
        DelegateExecution execution = execution(caseNumber);
        when(execution.getVariable("informationRequests")).thenReturn(requests);
        for (String name : new String[] {"informationParty", "informationRequested", "informationDueAtText"}) {
            when(execution.getVariable(name)).thenReturn(cases.variable(caseNumber, name));
        }
        return execution;
    }

    private void screen(String caseNumber, String decision, String reason) {
        Task task = cases.task(caseNumber, "ScreenApplicationTask");
        taskService.claim(task.getId(), "intake1");
        Map<String, Object> answers = new HashMap<>(Map.of("screeningDecision", decision));
        if (reason != null) {
            answers.put("screeningReason", reason);
        }
        taskService.complete(task.getId(), answers);
    }

    private JsonNode recordLiability(String caseNumber, boolean accepted) {
        return as("intake1").post().uri("/api/cases/{n}/liability-determination", caseNumber)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("liabilityAccepted", accepted, "determinationDate", "2025-01-10",
                        "note", accepted ? "Liability accepted by the claims administrator." : "Denied."))
                .retrieve().body(JsonNode.class);
    }

    private static DelegateExecution execution(String caseNumber) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("caseNumber")).thenReturn(caseNumber);
        return execution;
    }

    private int screeningCases() {
        return (int) taskService.createTaskQuery().taskDefinitionKey("ScreenApplicationTask").count();
    }

    private static JsonNode stageRow(JsonNode summary, String stage) {
        for (JsonNode row : summary.get("byStage")) {
            if (row.get("stage").asText().equals(stage)) {
                return row;
            }
        }
        return null;
    }

    private JsonNode screening(String caseNumber) {
        return as("supervisor1").get().uri("/api/cases/{n}/screening", caseNumber).retrieve().body(JsonNode.class);
    }

    private RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, "demo"))
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE).build();
    }
}
