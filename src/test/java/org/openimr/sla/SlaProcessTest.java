package org.openimr.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openimr.sla.SlaDeadlinesTest.california;
import static org.openimr.sla.SlaDeadlinesTest.endOfDay;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.openimr.letter.LetterKind;
import org.openimr.letter.LetterService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The deadlines of a case as the engine clock moves through them: every clock of
 * shared/domain/imr-process.md §3 the case process keeps, and what happens when one passes.
 */
class SlaProcessTest extends CaseTest {

    @Autowired
    TaskService taskService;

    @Autowired
    LetterService letters;

    @Autowired
    ExpeditedConversions conversions;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        // The H2 context is shared with other test classes: leave the engine clock as found.
        ClockUtil.reset();
    }

    @Test
    void aMailedNoticeGivesTheClaimsAdministrator15DaysAndTheTimerFiresThen() {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), TestApplications.seedCase());

        assertThat(date(caseNumber, "noticeOfAssignmentDueAt")).isEqualTo(endOfDay(2025, 3, 4));
        assertThat(date(caseNumber, "recordsDueAt")).isEqualTo(endOfDay(2025, 3, 18));
        assertThat(cases.variable(caseNumber, "slaStatus")).isEqualTo("ON_TRACK");
        assertThat(cases.variable(caseNumber, "slaDeadline")).isEqualTo("RECORDS");
        assertThat(date(caseNumber, "slaDueAt")).isEqualTo(endOfDay(2025, 3, 18));
        assertThat(cases.timer(caseNumber, "RecordsDueTimer").getDuedate().toInstant()).isEqualTo(endOfDay(2025, 3, 18));

        moveClockTo(endOfDay(2025, 3, 18).minusSeconds(60));
        cases.runJobs(caseNumber);
        assertThat(cases.variable(caseNumber, "slaStatus")).isEqualTo("ON_TRACK");
    }

    @Test
    void anElectronicNoticeGivesThemTwelveDays() {
        ObjectNode application = TestApplications.seedCase();
        application.put("noticeDelivery", "ELECTRONIC");

        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), application);

        assertThat(date(caseNumber, "recordsDueAt")).isEqualTo(endOfDay(2025, 3, 15));
    }

    @Test
    void theNoticeOfAssignmentDeadlineSpansTheThanksgivingHolidays() {
        String caseNumber = submitAt(california(2025, 11, 26, 10, 0), TestApplications.seedCase());

        assertThat(date(caseNumber, "noticeOfAssignmentDueAt")).isEqualTo(endOfDay(2025, 12, 1));
    }

    @Test
    void overdueRecordsBreachTheCaseGiveTheSupervisorATaskAndThePenaltyIsRecordedOnArrival() {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), TestApplications.seedCase());

        moveClockTo(endOfDay(2025, 3, 18).plusSeconds(1));
        cases.runJobs(caseNumber);

        cases.progress(caseNumber).hasPassed("MarkRecordsOverdueTask",
                "RequestRecordsFollowUpTask").isWaitingAt("WaitForRecordsTask", "FollowUpOverdueRecordsTask");
        assertThat(cases.variable(caseNumber, "slaStatus")).isEqualTo("BREACHED");
        Task followUp = cases.task(caseNumber, "FollowUpOverdueRecordsTask");
        // Acted on by the close of the next business day after the missed deadline.
        assertThat(followUp.getDueDate().toInstant()).isEqualTo(endOfDay(2025, 3, 19));
        assertThat(followUp.getPriority()).isEqualTo(100);

        moveClockTo(california(2025, 3, 21, 11, 0));
        cases.recordsArrive(caseNumber);

        assertThat(cases.variable(caseNumber, "recordsDaysLate")).isEqualTo(3);
        assertThat(cases.variable(caseNumber, "lateRecordsPenalty")).isEqualTo(1_500);
        // The determination clock now runs: the IMRO is on track again.
        assertThat(cases.variable(caseNumber, "slaStatus")).isEqualTo("ON_TRACK");
        assertThat(cases.variable(caseNumber, "slaDeadline")).isEqualTo("DETERMINATION");
    }

    @Test
    void recordsThreeWeeksLateDrawTheCappedPenaltyOf5000() {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), TestApplications.seedCase());
        moveClockTo(endOfDay(2025, 3, 18).plusSeconds(1));
        cases.runJobs(caseNumber);

        moveClockTo(california(2025, 4, 8, 9, 0));
        cases.recordsArrive(caseNumber);

        assertThat(cases.variable(caseNumber, "recordsDaysLate")).isEqualTo(21);
        assertThat(cases.variable(caseNumber, "lateRecordsPenalty")).isEqualTo(5_000);
    }

    @Test
    void recordsInTimeDrawNoPenalty() {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), TestApplications.seedCase());

        moveClockTo(california(2025, 3, 18, 16, 0));
        cases.recordsArrive(caseNumber);

        assertThat(cases.variable(caseNumber, "slaStatus")).isEqualTo("ON_TRACK");
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(cases.processInstanceId(caseNumber)).variableName("lateRecordsPenalty").count()).isZero();
    }

    @Test
    void everyUserTaskIsDueAtTheCaseDeadlineAndFollowedUpWhenItTurnsAtRisk() {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), TestApplications.seedCase());
        moveClockTo(california(2025, 3, 10, 14, 0));
        cases.recordsArrive(caseNumber);

        Task check = cases.task(caseNumber, "CheckRecordsCompletenessTask");
        assertThat(check.getDueDate().toInstant()).isEqualTo(endOfDay(2025, 4, 9));

        moveClockTo(california(2025, 3, 11, 10, 0));
        cases.recordsComplete(caseNumber);

        // The clock ran from the receipt of the records, not from the end of the check.
        assertThat(date(caseNumber, "recordsCompleteAt")).isEqualTo(california(2025, 3, 10, 14, 0));
        Instant due = endOfDay(2025, 4, 9);
        Instant atRisk = date(caseNumber, "determinationAtRiskAt");
        assertThat(date(caseNumber, "determinationDueAt")).isEqualTo(due);
        Task summary = cases.task(caseNumber, "WriteClinicalSummaryTask");
        assertThat(summary.getDueDate().toInstant()).isEqualTo(due);
        assertThat(summary.getFollowUpDate().toInstant()).isEqualTo(atRisk);
        assertThat(summary.getPriority()).isEqualTo(50);
        assertThat(cases.timer(caseNumber, "DeterminationAtRiskTimer").getDuedate().toInstant()).isEqualTo(atRisk);
        assertThat(cases.timer(caseNumber, "DeterminationDueTimer").getDuedate().toInstant()).isEqualTo(due);
    }

    @Test
    void theDeterminationDeadlineConfirmedAtTheRecordsCheckIsNotWrittenAgainToTheCaseHistory() {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), TestApplications.seedCase());
        moveClockTo(california(2025, 3, 10, 14, 0));
        cases.recordsArrive(caseNumber);
        moveClockTo(california(2025, 3, 11, 10, 0));
        cases.recordsComplete(caseNumber);

        // Set when the records arrived; the check confirms the same deadline, which the history shows once.
        assertThat(writes(caseNumber, "determinationDueAt")).containsExactly(Date.from(endOfDay(2025, 4, 9)));
        assertThat(writes(caseNumber, "determinationAtRiskAt")).hasSize(1);
        assertThat(writes(caseNumber, "recordsCompleteAt")).containsExactly(Date.from(california(2025, 3, 10, 14, 0)));
    }

    @Test
    void anAtRiskThenLateDeterminationAlertsTheSupervisorAndTheLateLetterIsStillIssued() {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), TestApplications.seedCase());
        moveClockTo(california(2025, 3, 10, 14, 0));
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        Instant atRisk = date(caseNumber, "determinationAtRiskAt");

        moveClockTo(atRisk.plusSeconds(60));
        cases.runJobs(caseNumber);

        assertThat(cases.variable(caseNumber, "slaStatus")).isEqualTo("AT_RISK");
        Task check = cases.task(caseNumber, "CheckAtRiskDeterminationTask");
        assertThat(check.getDueDate().toInstant()).isEqualTo(endOfDay(2025, 4, 9));
        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getPriority()).isEqualTo(75);
        taskService.complete(check.getId(), Map.of("atRiskNote", "The reviewer finishes this week"));

        moveClockTo(endOfDay(2025, 4, 9).plusSeconds(1));
        cases.runJobs(caseNumber);

        assertThat(cases.variable(caseNumber, "slaStatus")).isEqualTo("BREACHED");
        assertThat(cases.task(caseNumber, "ExpediteLateDeterminationTask").getDueDate().toInstant())
                .isEqualTo(endOfDay(2025, 4, 10));
        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getPriority()).isEqualTo(100);

        moveClockTo(california(2025, 4, 14, 10, 0));
        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");
        assertThat(cases.task(caseNumber, "ReviewLetterTask").getPriority()).isEqualTo(100);
        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);

        // A late determination stays valid: the letter goes out and the open escalation ends with the case.
        cases.progress(caseNumber).isEnded()
                .hasPassed("LetterIssuedEndEvent", "DeterminationIssuedEndEvent");
        CaseRecord caseRecord = cases.caseRecord(caseNumber);
        assertThat(letters.latest(caseRecord, LetterKind.FINAL_DETERMINATION).orElseThrow().status()).isEqualTo("ISSUED");
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("DETERMINATION_ISSUED");
        assertThat(cases.variable(caseNumber, "determinationLate")).isEqualTo(true);
        assertThat(cases.variable(caseNumber, "slaStatus")).isEqualTo("BREACHED");
        assertThat(date(caseNumber, "determinationIssuedAt")).isEqualTo(california(2025, 4, 14, 10, 0));
    }

    @Test
    void anExpeditedApplicationGivesTheRecords24HoursAndTheDetermination3Days() {
        ObjectNode application = TestApplications.seedCase();
        application.put("expedited", true);
        Instant submitted = california(2025, 3, 3, 9, 30);
        String caseNumber = submitAt(submitted, application);

        assertThat(date(caseNumber, "recordsDueAt")).isEqualTo(submitted.plus(Duration.ofHours(24)));

        moveClockTo(california(2025, 3, 3, 20, 0));
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);

        assertThat(date(caseNumber, "determinationDueAt")).isEqualTo(endOfDay(2025, 3, 6));
        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getDueDate().toInstant()).isEqualTo(endOfDay(2025, 3, 6));
    }

    @Test
    void convertingWhileRecordsAreOwedShortensTheRecordsDeadlineAndMovesItsTimer() {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), TestApplications.seedCase());
        Instant converted = california(2025, 3, 5, 11, 0);
        moveClockTo(converted);

        conversions.convert(caseNumber, new ExpeditedConversions.Certification(LocalDate.of(2025, 3, 4)));

        cases.progress(caseNumber).hasPassed("RecomputeDeadlinesTask")
                .isWaitingAt("WaitForRecordsTask");
        Instant due = converted.plus(Duration.ofHours(24));
        assertThat(date(caseNumber, "recordsDueAt")).isEqualTo(due);
        assertThat(date(caseNumber, "slaDueAt")).isEqualTo(due);
        assertThat(cases.variable(caseNumber, "expedited")).isEqualTo(true);
        assertThat(cases.caseRecord(caseNumber).expedited()).isTrue();
        assertThat(cases.timer(caseNumber, "RecordsDueTimer").getDuedate().toInstant()).isEqualTo(due);

        moveClockTo(due.plusSeconds(1));
        cases.runJobs(caseNumber);
        assertThat(cases.variable(caseNumber, "slaStatus")).isEqualTo("BREACHED");
    }

    @Test
    void convertingWhileRecordsAreOwedMovesTheRecordsFollowUpRemindersToTheExpeditedDeadlineAndInterval() {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), TestApplications.seedCase());
        // Standard review: the first reminder one week (imr.records.follow-up-reminder) after the records are due.
        assertThat(cases.timer(caseNumber, "RecordsFollowUpReminderTimer").getDuedate().toInstant())
                .isEqualTo(endOfDay(2025, 3, 18).plus(Duration.ofDays(7)));
        Instant converted = california(2025, 3, 5, 11, 0);
        moveClockTo(converted);

        conversions.convert(caseNumber, new ExpeditedConversions.Certification(LocalDate.of(2025, 3, 4)));

        // Expedited: a day (imr.records.expedited-follow-up-reminder) after the new records deadline, then daily.
        Instant recordsDue = converted.plus(Duration.ofHours(24));
        Instant firstReminder = recordsDue.plus(Duration.ofDays(1));
        assertThat(cases.timer(caseNumber, "RecordsFollowUpReminderTimer").getDuedate().toInstant()).isEqualTo(firstReminder);

        moveClockTo(recordsDue.plusSeconds(1));
        cases.runJobs(caseNumber);
        assertThat(cases.tasks(caseNumber, "FollowUpOverdueRecordsTask")).hasSize(1);
        moveClockTo(firstReminder.plusSeconds(1));
        cases.runJobs(caseNumber);
        assertThat(cases.tasks(caseNumber, "FollowUpOverdueRecordsTask")).hasSize(2);
        assertThat(cases.timer(caseNumber, "RecordsFollowUpReminderTimer").getDuedate().toInstant())
                .isEqualTo(firstReminder.plus(Duration.ofDays(1)));
    }

    @Test
    void convertingMidReviewShortensTheDeterminationItsTimersAndTheReviewersTaskDates() {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), TestApplications.seedCase());
        moveClockTo(california(2025, 3, 10, 14, 0));
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        Instant converted = california(2025, 3, 15, 8, 0);
        moveClockTo(converted);

        conversions.convert(caseNumber, new ExpeditedConversions.Certification(LocalDate.of(2025, 3, 14)));

        Instant due = endOfDay(2025, 3, 18);
        Instant atRisk = date(caseNumber, "determinationAtRiskAt");
        assertThat(date(caseNumber, "determinationDueAt")).isEqualTo(due);
        assertThat(atRisk).isEqualTo(converted.plusMillis(Math.round(Duration.between(converted, due).toMillis() * 0.8)));
        assertThat(cases.timer(caseNumber, "DeterminationDueTimer").getDuedate().toInstant()).isEqualTo(due);
        assertThat(cases.timer(caseNumber, "DeterminationAtRiskTimer").getDuedate().toInstant()).isEqualTo(atRisk);
        Task summary = cases.task(caseNumber, "WriteClinicalSummaryTask");
        assertThat(summary.getDueDate().toInstant()).isEqualTo(due);
        assertThat(summary.getFollowUpDate().toInstant()).isEqualTo(atRisk);
        assertThat(date(caseNumber, "physicianCertificationDate")).isEqualTo(california(2025, 3, 14, 0, 0));

        moveClockTo(atRisk.plusSeconds(1));
        cases.runJobs(caseNumber);
        assertThat(cases.variable(caseNumber, "slaStatus")).isEqualTo("AT_RISK");
    }

    @Test
    void aConversionDuringTheRecordsCheckCarriesIntoTheDeterminationDeadline() {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), TestApplications.seedCase());
        moveClockTo(california(2025, 3, 10, 14, 0));
        cases.recordsArrive(caseNumber);
        moveClockTo(california(2025, 3, 12, 9, 0));

        conversions.convert(caseNumber, new ExpeditedConversions.Certification(LocalDate.of(2025, 3, 11)));
        assertThat(cases.task(caseNumber, "CheckRecordsCompletenessTask").getDueDate().toInstant())
                .isEqualTo(endOfDay(2025, 3, 15));
        cases.recordsComplete(caseNumber);

        assertThat(date(caseNumber, "determinationDueAt")).isEqualTo(endOfDay(2025, 3, 15));
        assertThat(cases.timer(caseNumber, "DeterminationDueTimer").getDuedate().toInstant()).isEqualTo(endOfDay(2025, 3, 15));
    }

    @Test
    void aCaseWhoseOnlyDisputedItemsAreFormularyDrugsIsDeterminedWithinFiveWorkingDays() throws Exception {
        ObjectNode application = formularyCase();
        TestApplications.item(application, 0).put("treatmentCategory", "OPIOID").put("drugName", "Norco 10/325")
                .put("requestedTreatment", "Norco 10/325 mg, 60 tablets");
        addDrug(application, "AED", "Gabapentin 300 mg");
        String caseNumber = recordsCompleteOnWednesday(application);

        // Thu 13, Fri 14, Mon 17, Tue 18, Wed 19: the close of the fifth working day after the records.
        assertThat(cases.variable(caseNumber, "formularyDispute")).isEqualTo(true);
        assertThat(date(caseNumber, "determinationDueAt")).isEqualTo(endOfDay(2025, 3, 19));
        assertThat(cases.timer(caseNumber, "DeterminationDueTimer").getDuedate().toInstant()).isEqualTo(endOfDay(2025, 3, 19));
        assertThat(cases.task(caseNumber, "WriteClinicalSummaryTask").getDueDate().toInstant()).isEqualTo(endOfDay(2025, 3, 19));
        mvc.perform(get("/api/cases/" + caseNumber + "/deadlines").with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.formularyDispute").value(true));
    }

    @Test
    void aFormularyDrugBesideAnotherTreatmentKeepsTheThirtyDays() {
        ObjectNode application = formularyCase();
        addDrug(application, "OPIOID", "Norco 10/325");
        String caseNumber = recordsCompleteOnWednesday(application);

        assertThat(cases.variable(caseNumber, "formularyDispute")).isEqualTo(false);
        assertThat(date(caseNumber, "determinationDueAt")).isEqualTo(endOfDay(2025, 4, 11));
    }

    @Test
    void aPhysicianAdministeredDrugIsNoFormularyDispute() {
        ObjectNode application = formularyCase();
        TestApplications.item(application, 0).put("treatmentCategory", "NSAID").put("drugName", "Ketorolac 60 mg injection")
                .put("requestedTreatment", "Ketorolac injection").put("physicianAdministered", true);
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), application);

        assertThat(cases.variable(caseNumber, "formularyDispute")).isEqualTo(false);
    }

    private static void addDrug(ObjectNode application, String category, String drugName) {
        ((ArrayNode) application.get("disputedItems")).addObject().put("requestedTreatment", drugName + ", 30 days")
                .put("treatmentCategory", category).put("drugName", drugName).put("requestDate", "2025-02-03");
    }

    /** Submitted on Monday 2025-03-03, its records in and complete on Wednesday 2025-03-12 at 14:00. */
    private String recordsCompleteOnWednesday(ObjectNode application) {
        String caseNumber = submitAt(california(2025, 3, 3, 9, 30), application);
        moveClockTo(california(2025, 3, 12, 14, 0));
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        return caseNumber;
    }

    /** The seed case moved to 2025, when the MTUS Drug Formulary applies: its one item is massage. */
    private static ObjectNode formularyCase() {
        ObjectNode application = TestApplications.seedCase();
        application.put("applicationReceivedDate", "2025-02-24").put("applicationSignedDate", "2025-02-20")
                .put("urDecisionDate", "2025-02-10").put("urDecisionServedDate", "2025-02-12");
        TestApplications.item(application, 0).put("requestDate", "2025-02-03");
        return application;
    }

    private String submitAt(Instant when, ObjectNode application) {
        moveClockTo(when);
        return cases.submit(application);
    }

    /** The values a case variable was written with, in the order of the case's history. */
    private List<Object> writes(String caseNumber, String variable) {
        return processEngine.getHistoryService().createHistoricDetailQuery()
                .processInstanceId(cases.processInstanceId(caseNumber)).variableUpdates().orderPartiallyByOccurrence()
                .asc().list().stream().map(HistoricVariableUpdate.class::cast)
                .filter(update -> update.getVariableName().equals(variable)).map(HistoricVariableUpdate::getValue)
                .toList();
    }

    private static void moveClockTo(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
    }

    private Instant date(String caseNumber, String variable) {
        return ((Date) cases.variable(caseNumber, variable)).toInstant();
    }
}
