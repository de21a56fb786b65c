package org.openimr.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openimr.sla.SlaDeadlinesTest.california;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.intake.Withdrawals;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** GET /api/sla/summary and POST /api/cases/{caseNumber}/expedite over HTTP. */
class SlaApiTest extends CaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Withdrawals withdrawals;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theSummaryNeedsCredentialsAndIsForSupervisorsAndAdministratorsOnly() throws Exception {
        mvc.perform(get("/api/sla/summary")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/sla/summary").with(httpBasic("intake1", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/sla/summary").with(httpBasic("reviewer1", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/sla/summary").with(httpBasic("admin", "admin"))).andExpect(status().isOk());
        mvc.perform(get("/api/sla/summary").param("days", "0").with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"));
    }

    @Test
    void theSummaryCountsCasesByStageAndStatusListsTheClosestAndAveragesTheAgeOfLetters() throws Exception {
        // 2018: earlier than any case of the other tests, so these lead the closest-to-deadline list.
        at(california(2018, 1, 8, 9, 0));
        String lateRecords = cases.submit(TestApplications.seedCase());
        String atRisk = cases.submit(TestApplications.seedCase());
        String issued = cases.submit(TestApplications.seedCase());
        at(california(2018, 1, 9, 9, 0));
        cases.recordsArrive(atRisk);
        cases.recordsComplete(atRisk);
        cases.recordsArrive(issued);
        cases.recordsComplete(issued);
        at(california(2018, 1, 15, 21, 0));
        cases.writeClinicalSummary(issued);
        cases.decideAllItems(issued, "UPHELD");
        cases.approveLetter(issued);
        cases.runJobs(issued);
        at(california(2018, 2, 5, 9, 0));
        cases.runJobs(lateRecords);
        cases.runJobs(atRisk);
        String onTrack = cases.submit(TestApplications.seedCase());

        mvc.perform(get("/api/sla/summary").with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2018-02-05T17:00:00Z"))
                .andExpect(jsonPath("$.processDefinitionId").value(Matchers.startsWith("imr-case:")))
                .andExpect(jsonPath("$.bySlaStatus.ON_TRACK").value(Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.bySlaStatus.AT_RISK").value(Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.bySlaStatus.BREACHED").value(Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.byStage[?(@.stage == 'AWAITING_RECORDS')].breached",
                        Matchers.contains(Matchers.greaterThanOrEqualTo(1))))
                .andExpect(jsonPath("$.byStage[?(@.stage == 'CLINICAL_SUMMARY')].atRisk",
                        Matchers.contains(Matchers.greaterThanOrEqualTo(1))))
                .andExpect(jsonPath("$.closestToDeadline[0].caseNumber").value(lateRecords))
                .andExpect(jsonPath("$.closestToDeadline[0].slaStatus").value("BREACHED"))
                .andExpect(jsonPath("$.closestToDeadline[0].deadline").value("RECORDS"))
                .andExpect(jsonPath("$.closestToDeadline[0].hoursLeft").value(Matchers.lessThan(0)))
                // Due at the close of January 23, 13 days late by February 5: over the cap.
                .andExpect(jsonPath("$.closestToDeadline[0].lateRecordsPenalty").value(5000))
                .andExpect(jsonPath("$.closestToDeadline[1].caseNumber").value(atRisk))
                .andExpect(jsonPath("$.closestToDeadline[1].slaStatus").value("AT_RISK"))
                .andExpect(jsonPath("$.closestToDeadline[1].stage").value("CLINICAL_SUMMARY"))
                .andExpect(jsonPath("$.closestToDeadline[2].caseNumber").value(onTrack))
                .andExpect(jsonPath("$.closestToDeadline[2].slaStatus").value("ON_TRACK"))
                .andExpect(jsonPath("$.closestToDeadline[*].caseNumber", Matchers.not(Matchers.hasItem(issued))))
                .andExpect(jsonPath("$.lateRecordsPenaltyOpenCases").value(Matchers.greaterThanOrEqualTo(5000)))
                .andExpect(jsonPath("$.determinationAge.windowDays").value(30))
                .andExpect(jsonPath("$.determinationAge.lettersIssued").value(1))
                .andExpect(jsonPath("$.determinationAge.averageDaysFromCompleteRecordsToLetter").value(6.5))
                .andExpect(jsonPath("$.determinationAge.issuedLate").value(0));
    }

    @Test
    void expeditingACaseAnswersWithItsShortenedDeadlines() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());

        expedite(caseNumber, "{\"certificationDate\": \"" + CaseClock.today() + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNumber").value(caseNumber))
                .andExpect(jsonPath("$.expedited").value(true))
                .andExpect(jsonPath("$.slaDeadline").value("RECORDS"))
                .andExpect(jsonPath("$.recordsDueAt").exists());
        mvc.perform(get("/api/cases/" + caseNumber).with(httpBasic("intake1", "demo")))
                .andExpect(jsonPath("$.expedited").value(true));
        mvc.perform(get("/api/cases/" + caseNumber + "/deadlines").with(httpBasic("intake1", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slaStatus").value("ON_TRACK"))
                .andExpect(jsonPath("$.noticeOfAssignmentDueAt").exists());

        expedite(caseNumber, "{\"certificationDate\": \"2014-08-01\"}").andExpect(status().isConflict());
    }

    @Test
    void theSummaryShowsAnExpeditedCaseAtItsShortenedDeadlineAndDropsItOnceClosed() throws Exception {
        // 2017: earlier than every other test's case, so it leads the closest-to-deadline list while open.
        at(california(2017, 3, 6, 9, 0));
        String caseNumber = cases.submit(TestApplications.seedCase());
        String regularDue = JsonPath.read(summary(), "$.closestToDeadline[0].dueAt");

        at(california(2017, 3, 7, 9, 0));
        String deadlines = expedite(caseNumber, "{\"certificationDate\": \"2017-03-07\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String expeditedDue = JsonPath.read(deadlines, "$.recordsDueAt");

        String summary = summary();
        assertThat(JsonPath.<String>read(summary, "$.closestToDeadline[0].caseNumber")).isEqualTo(caseNumber);
        assertThat(JsonPath.<Boolean>read(summary, "$.closestToDeadline[0].expedited")).isTrue();
        assertThat(Instant.parse(JsonPath.read(summary, "$.closestToDeadline[0].dueAt")))
                .isEqualTo(Instant.parse(expeditedDue)).isBefore(Instant.parse(regularDue));

        withdrawals.withdraw(caseNumber, new Withdrawals.Withdrawal(Withdrawals.Reason.EMPLOYEE_WITHDREW, null));
        assertThat(JsonPath.<List<String>>read(summary(), "$.closestToDeadline[*].caseNumber")).doesNotContain(caseNumber);
    }

    private String summary() throws Exception {
        return mvc.perform(get("/api/sla/summary").with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void badCertificationsAreRefusedNamingTheField() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());

        expedite(caseNumber, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("certificationDate"));
        expedite(caseNumber, "{\"certificationDate\": \"tomorrow\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("certificationDate"));
        expedite(caseNumber, "{\"certificationDate\": \"2999-01-01\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].problem").value("must not be in the future"));
        expedite(caseNumber, "{\"certificationDate\": \"2014-01-02\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("certificationDate"));
        expedite(caseNumber, "{\"certificationDate\": \"2014-08-01\", \"urgent\": true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("urgent"));
        expedite("CM14-9999999", "{\"certificationDate\": \"2014-08-01\"}", "supervisor1").andExpect(status().isNotFound());
    }

    @Test
    void aClosedCaseCannotBeExpedited() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        withdrawals.withdraw(caseNumber, new Withdrawals.Withdrawal(Withdrawals.Reason.EMPLOYEE_WITHDREW, null));

        expedite(caseNumber, "{\"certificationDate\": \"2014-08-01\"}", "supervisor1").andExpect(status().isConflict());
        // A closed case is no longer intake's.
        expedite(caseNumber, "{\"certificationDate\": \"2014-08-01\"}").andExpect(status().isForbidden());
    }

    private ResultActions expedite(String caseNumber, String body) throws Exception {
        return expedite(caseNumber, body, "intake1");
    }

    private ResultActions expedite(String caseNumber, String body, String user) throws Exception {
        return mvc.perform(post("/api/cases/" + caseNumber + "/expedite").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static void at(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
    }
}
