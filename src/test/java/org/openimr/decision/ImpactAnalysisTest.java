package org.openimr.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.decision.ImpactAnalysis.Change;
import org.openimr.decision.ImpactAnalysis.Report;
import org.openimr.decision.ImpactAnalysis.RuleImpact;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Impact analysis: past items (stored with the recommendation they got then) re-evaluated with
 * a massage table whose limit an analyst raised from 6 to 12 visits. The past cases here were
 * received in a year of their own, which the analysis is limited to, so other tests' cases in
 * the shared database do not count.
 */
class ImpactAnalysisTest extends CaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RepositoryService repositoryService;

    private LocalDate year;
    private String overLimit;
    private String withinLimit;

    @BeforeEach
    void pastCases() {
        // A year far back and of its own for each test, so repeated runs in one database do not mix.
        year = LocalDate.of(1990 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 9), 1, 1);
        jdbc.sql("delete from imr_item_fact where case_id in (select id from imr_case where application_received_date between ? and ?)")
                .params(year, year.plusYears(1).minusDays(1)).update();
        jdbc.sql("delete from imr_disputed_item where case_id in (select id from imr_case where application_received_date between ? and ?)")
                .params(year, year.plusYears(1).minusDays(1)).update();
        jdbc.sql("delete from imr_case where application_received_date between ? and ?")
                .params(year, year.plusYears(1).minusDays(1)).update();
        overLimit = pastCase(massage(6, 6), "NOT_MEDICALLY_NECESSARY", "MASSAGE-04");
        withinLimit = pastCase(massage(0, 4), "MEDICALLY_NECESSARY", "MASSAGE-02");
        pastCase("{\"requestedTreatment\": \"unreadable\", \"priorUnits\": \"six\"}", "MEDICALLY_NECESSARY", "MASSAGE-02");
    }

    @Test
    void uploadedTablesShowWhichRecommendationsWouldChangePerRule() throws Exception {
        Report report = report(multipart("/api/guidelines/impact").file(new MockMultipartFile("files", "massage.dmn",
                "application/xml", massageTableWithLimit(12))));

        assertThat(report.itemsCompared()).isEqualTo(2);
        assertThat(report.itemsUnreadable()).isEqualTo(1);
        assertThat(report.itemsChanged()).isEqualTo(1);
        assertThat(report.changes()).containsExactly(new Change("NOT_MEDICALLY_NECESSARY", List.of("MASSAGE-04"),
                "MEDICALLY_NECESSARY", List.of("MASSAGE-02"), 1, List.of(overLimit)));
        List<String> editions2009 = List.of("ACOEM2004_ONLY", "CPMTG_2009", "CPMTG_2016");
        assertThat(report.byRule()).containsExactly(
                new RuleImpact("MASSAGE-02", "mtus_MASSAGE", editions2009, 0, 1, List.of(overLimit)),
                new RuleImpact("MASSAGE-04", "mtus_MASSAGE", editions2009, 1, 0, List.of(overLimit)));
        assertThat(report.changes()).flatExtracting(Change::exampleCases).doesNotContain(withinLimit);
    }

    @Test
    void anItemIsReplayedOnTheFactsTheReviewerEstablishedNotOnWhatTheApplicationGave() throws Exception {
        // The application said no visits yet; the records showed 6, so the 4 requested make 10, over the 6 allowed.
        String corrected = pastCase(massage(0, 4), "NOT_MEDICALLY_NECESSARY", "MASSAGE-04");
        long caseId = jdbc.sql("select id from imr_case where case_number = ?").param(corrected).query(Long.class).single();
        jdbc.sql("""
                insert into imr_item_fact (case_id, item_no, fact_name, value_json, not_documented, established_by,
                    established_at) values (?, 1, 'priorUnits', '6', false, 'reviewer1', ?)""")
                .params(caseId, Timestamp.from(Instant.now())).update();

        Report unchanged = report(multipart("/api/guidelines/impact").file(new MockMultipartFile("files",
                "massage.dmn", "application/xml", Files.readAllBytes(Path.of("bpmn/guidelines/massage.dmn")))));
        assertThat(unchanged.itemsCompared()).isEqualTo(3);
        assertThat(unchanged.itemsOnEstablishedFacts()).isEqualTo(1);
        assertThat(unchanged.itemsChanged()).as("on the application's 0 visits it would read as within the limit")
                .isZero();
        assertThat(unchanged.factsReplayed()).startsWith("1 of the 3 items compared were replayed on the facts the "
                + "reviewer established from the records");

        Report limitOf12 = report(multipart("/api/guidelines/impact").file(new MockMultipartFile("files", "massage.dmn",
                "application/xml", massageTableWithLimit(12))));
        assertThat(limitOf12.changes()).singleElement().satisfies(change -> assertThat(change.exampleCases())
                .containsExactlyInAnyOrder(overLimit, corrected));
    }

    @Test
    void aDeploymentCanBeTheCandidateAndTheDeployedTablesChangeNothing() throws Exception {
        Report unchanged = report(multipart("/api/guidelines/impact").file(new MockMultipartFile("files",
                "massage.dmn", "application/xml", Files.readAllBytes(Path.of("bpmn/guidelines/massage.dmn")))));
        assertThat(unchanged.itemsCompared()).isEqualTo(2);
        assertThat(unchanged.itemsChanged()).isZero();

        String deploymentId = repositoryService.createDeployment().name("analyst's change")
                .addInputStream("massage.dmn", new ByteArrayInputStream(massageTableWithLimit(12)))
                .deploy().getId();
        try {
            Report changed = report(post("/api/guidelines/impact").param("deploymentId", deploymentId));
            assertThat(changed.itemsChanged()).isEqualTo(1);
            assertThat(changed.changes().get(0).exampleCases()).containsExactly(overLimit);
        } finally {
            // The shared engine must go back to the tables the other tests expect.
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void aChangedCurrentTableChangesOnlyItemsOfTheAcoemEditionsAndTheReportNamesThem() throws Exception {
        String current = pastCase(currentMassage(3, 4), "NEEDS_PHYSICIAN_JUDGEMENT", "MASSAGE-A05");
        byte[] trialOf8 = Files.readString(Path.of("bpmn/guidelines/current/massage.dmn"))
                .replace("&lt;= 6", "&lt;= 8").replace("&gt; 6", "&gt; 8").getBytes();

        Report report = report(multipart("/api/guidelines/impact").file(new MockMultipartFile("files", "massage.dmn",
                "application/xml", trialOf8)));

        assertThat(report.itemsCompared()).isEqualTo(3);
        assertThat(report.changes()).containsExactly(new Change("NEEDS_PHYSICIAN_JUDGEMENT", List.of("MASSAGE-A05"),
                "MEDICALLY_NECESSARY", List.of("MASSAGE-A04"), 1, List.of(current)));
        List<String> acoemEditions = List.of("MTUS_2017_12_01", "MTUS_2019_04_18", "MTUS_2019_08_11", "MTUS_2019_10_07",
                "MTUS_2020_09_21", "MTUS_2021_07_19", "MTUS_2021_11_23");
        assertThat(report.byRule()).containsExactly(
                new RuleImpact("MASSAGE-A04", "mtus2017_MASSAGE", acoemEditions, 0, 1, List.of(current)),
                new RuleImpact("MASSAGE-A05", "mtus2017_MASSAGE", acoemEditions, 1, 0, List.of(current)));
    }

    @Test
    void routingAnEditionToOtherTablesMovesItsItems() throws Exception {
        String current = pastCase(currentMassage(0, 4), "MEDICALLY_NECESSARY", "MASSAGE-A04");
        // An analyst's error in the edition gate: its latest edition routed to the 2009 tables.
        String gate = Files.readString(Path.of("bpmn/guidelines/mtus-edition.dmn"));
        int latest = gate.lastIndexOf("\"mtus2017_\"");
        byte[] changed = (gate.substring(0, latest) + "\"mtus_\"" + gate.substring(latest + "\"mtus2017_\"".length()))
                .getBytes();

        Report report = report(multipart("/api/guidelines/impact").file(new MockMultipartFile("files", "mtus-edition.dmn",
                "application/xml", changed)));

        assertThat(report.changes()).containsExactly(new Change("MEDICALLY_NECESSARY", List.of("MASSAGE-A04"),
                "NEEDS_PHYSICIAN_JUDGEMENT", List.of("MASSAGE-EDITION"), 1, List.of(current)));
        assertThat(report.byRule()).extracting(RuleImpact::ruleId, RuleImpact::decisionKey)
                .containsExactly(tuple("MASSAGE-A04", "mtus2017_MASSAGE"), tuple("MASSAGE-EDITION", "mtus_MASSAGE"));
    }

    @Test
    void onlySupervisorsAndAnalystsMayRunIt() throws Exception {
        mvc.perform(post("/api/guidelines/impact").param("deploymentId", "any").with(httpBasic("reviewer1", "demo")))
                .andExpect(status().isForbidden());
    }

    private Report report(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request.param("from", year.toString()).param("to", year.plusYears(1).minusDays(1).toString())
                        .with(httpBasic("analyst1", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readValue(body, Report.class);
    }

    private String pastCase(String itemJson, String outcome, String ruleIds) {
        String caseNumber = "T" + UUID.randomUUID().toString().substring(0, 12);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into imr_case (case_number, application_fingerprint, channel, status, stage, expedited,
                    application_received_date, ur_decision_date, employee_name, employer_name, claims_administrator_name,
                    requesting_physician_name, application_json, created_at, created_by)
                values (?, ?, 'API', 'DETERMINATION_ISSUED', 'CLOSED', false, ?, ?, 'Test', 'Test', 'Test', 'Test', '{}', ?, 'test')""")
                .params(caseNumber, caseNumber, year.plusDays(40), year.plusDays(10), Timestamp.from(Instant.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("""
                insert into imr_disputed_item (case_id, item_no, requested_treatment, treatment_category, item_json,
                    recommended_outcome, recommended_rule_ids) values (?, 1, 'Massage', 'MASSAGE', ?, ?, ?)""")
                .params(id, itemJson, outcome, ruleIds).update();
        return caseNumber;
    }

    private static String massage(int prior, int requested) {
        return """
                {"requestedTreatment": "Massage, cervical", "treatmentCategory": "MASSAGE", "bodyRegion": "CERVICAL",
                 "requestDate": "2014-06-20", "priorUnits": %d, "requestedUnits": %d, "adjunctToActiveTherapy": true}"""
                .formatted(prior, requested);
    }

    private static String currentMassage(int prior, int requested) {
        return """
                {"requestedTreatment": "Massage, lumbar", "treatmentCategory": "MASSAGE", "bodyRegion": "LUMBAR",
                 "requestDate": "2025-06-02", "painPhase": "CHRONIC", "priorUnits": %d, "requestedUnits": %d,
                 "adjunctToActiveTherapy": true}""".formatted(prior, requested);
    }

    static byte[] massageTableWithLimit(int visits) throws Exception {
        return Files.readString(Path.of("bpmn/guidelines/massage.dmn"))
                .replace("&lt;= 6", "&lt;= " + visits).replace("&gt; 6", "&gt; " + visits).getBytes();
    }
}
