package org.openimr.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseDriver;
import org.openimr.CaseOnPostgresTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.openimr.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Records that never come, on a real PostgreSQL: after the records follow-up, "Follow up overdue
 * records" comes back to a supervisor every interval while the records stay overdue, until the
 * supervisor goes on with the records on file, giving the reason; the late-records penalty counts
 * the days until then, and the case is on the supervisors' report of cases to refer to the Division.
 */
class RecordsNeverComeOnPostgresTest extends CaseOnPostgresTest {

    @Autowired
    ManagementService managementService;

    @Autowired
    Documents documents;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theFollowUpComesBackUntilTheSupervisorGoesOnWithTheRecordsOnFileAndTheCaseIsReferredForThePenalty() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        Instant recordsDue = ((Date) cases.variable(caseNumber, "recordsDueAt")).toInstant();

        managementService.executeJob(cases.timer(caseNumber, "RecordsDueTimer").getId());
        Task followUp = cases.task(caseNumber, "FollowUpOverdueRecordsTask");
        // The follow-up comes back 7 days (the default) after the records were due, then every 7 days.
        Job reminder = cases.timer(caseNumber, "RecordsFollowUpReminderTimer");
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(recordsDue.plus(Duration.ofDays(7)));
        taskService.complete(followUp.getId(), Map.of("followUpDecision", "KEEP_WAITING", "followUpNote", "Called."));
        cases.progress(caseNumber).isWaitingAt("WaitForRecordsTask");

        ClockUtil.setCurrentTime(Date.from(recordsDue.plus(Duration.ofDays(7)).plusSeconds(60)));
        managementService.executeJob(reminder.getId());
        Task again = cases.task(caseNumber, "FollowUpOverdueRecordsTask");
        assertThat(again.getName()).isEqualTo("Follow up overdue records (" + caseNumber + ")");
        assertThat(cases.timer(caseNumber, "RecordsFollowUpReminderTimer").getDuedate().toInstant())
                .isEqualTo(recordsDue.plus(Duration.ofDays(14)));

        taskService.claim(again.getId(), "supervisor1");
        assertThatThrownBy(() -> taskService.complete(again.getId(),
                Map.of("followUpDecision", "PROCEED_WITH_RECORDS_ON_FILE")))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Why the review goes on without the records is required");
        cases.progress(caseNumber).isWaitingAt("WaitForRecordsTask");

        String reason = "Nothing from the claims administrator in three weeks; the physician's reports are on file.";
        taskService.complete(again.getId(), Map.of("followUpDecision", "PROCEED_WITH_RECORDS_ON_FILE",
                "recordsOnFileReason", reason));

        cases.progress(caseNumber).hasPassed("RecordsOnFileDecidedEvent", "SelectReviewerTask")
                .hasNotPassed("CheckRecordsCompletenessTask");
        assertThat(cases.timer(caseNumber, "RecordsFollowUpReminderTimer")).isNull();
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.stage()).isIn("CLINICAL_SUMMARY", "REVIEWER_SELECTION");
        assertThat(cases.variable(caseNumber, "slaDeadline")).isEqualTo("DETERMINATION");
        // 7 days and a minute late: 8 started days, $4,000.
        assertThat(cases.variable(caseNumber, "recordsDaysLate")).isEqualTo(8);
        assertThat(cases.variable(caseNumber, "lateRecordsPenalty")).isEqualTo(4000);
        assertThat(documents.requests(record.id())).anySatisfy(request -> {
            assertThat(request.kind()).isEqualTo("PROCEED_ON_FILE");
            assertThat(request.note()).isEqualTo(reason);
            assertThat(request.requestedBy()).isEqualTo("supervisor1");
        });

        JsonNode referrals = cases.as("supervisor1").get().uri("/api/sla/late-records").retrieve().body(JsonNode.class);
        JsonNode referral = null;
        for (JsonNode row : referrals) {
            if (row.get("caseNumber").asText().equals(caseNumber)) {
                referral = row;
            }
        }
        assertThat(referral).isNotNull();
        assertThat(referral.get("claimsAdministrator").asText()).isEqualTo("Sierra Claims Administrators");
        assertThat(referral.get("daysLate").asInt()).isEqualTo(8);
        assertThat(referral.get("penalty").asInt()).isEqualTo(4000);
        assertThat(referral.get("recordsOwed").asBoolean()).isFalse();
        String csv = cases.as("supervisor1").get().uri("/api/sla/late-records").accept(MediaType.parseMediaType("text/csv"))
                .retrieve().body(String.class);
        assertThat(csv).startsWith("caseNumber,claimsAdministrator,caseStatus,recordsDueAt,daysLate,penalty,recordsOwed")
                .contains(caseNumber + ",\"Sierra Claims Administrators\",OPEN,");
        HttpStatusCode intake = cases.as("intake1").get().uri("/api/sla/late-records")
                .exchange((request, response) -> response.getStatusCode());
        assertThat(intake.value()).isEqualTo(403);
    }

    @Test
    void recordsArrivingEndTheRemindersAndTheOpenFollowUp() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        managementService.executeJob(cases.timer(caseNumber, "RecordsDueTimer").getId());
        Task followUp = cases.task(caseNumber, "FollowUpOverdueRecordsTask");
        taskService.claim(followUp.getId(), "supervisor1");

        cases.recordsArrive(caseNumber);

        // Nothing is left to follow up: the supervisor's task ends with the wait, and no reminder is due.
        cases.progress(caseNumber).isWaitingAt("CheckRecordsCompletenessTask")
                .hasPassed("RecordsArrivedDuringFollowUpEvent", "FollowUpNoLongerNeededEndEvent");
        assertThat(cases.tasks(caseNumber, "FollowUpOverdueRecordsTask")).isEmpty();
        assertThat(cases.timer(caseNumber, "RecordsFollowUpReminderTimer")).isNull();
        assertThatThrownBy(() -> taskService.complete(followUp.getId(), Map.of("followUpDecision",
                "PROCEED_WITH_RECORDS_ON_FILE", "recordsOnFileReason", "Waited long enough.")))
                .isInstanceOf(NullValueException.class);
    }

}
