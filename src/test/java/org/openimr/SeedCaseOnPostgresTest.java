package org.openimr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * The seed letter's case end to end on a real PostgreSQL, through the HTTP API only, each step
 * done by the user of the role that does it in the IMR organization: intake registers it and
 * checks the records, the selected reviewer writes the summary and decides the massage item,
 * the supervisor approves the letter, and the job executor issues it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
// Close this context (and its job executor) while PostgreSQL still runs, not in a JVM shutdown hook racing it.
@DirtiesContext
class SeedCaseOnPostgresTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Test
    void theSeedCaseEndsWithTheMassageItemUpheldAndTheLetterIssued() throws Exception {
        ResponseEntity<JsonNode> submitted = as("intake1").post().uri("/api/cases")
                .contentType(MediaType.APPLICATION_JSON).body(TestApplications.json(TestApplications.seedCase()))
                .retrieve().toEntity(JsonNode.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = submitted.getBody().get("caseNumber").asText();
        assertThat(submitted.getHeaders().getLocation()).hasToString("/api/cases/" + caseNumber);

        as("intake1").post().uri("/api/cases/{n}/records", caseNumber).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("documents", new Object[] {
                    Map.of("title", "Primary treating physician's progress report", "author", "Dr. Test Physician",
                            "date", "2014-06-12", "pages", 30),
                    Map.of("title", "Utilization review determination", "author", "Sierra Claims Administrators",
                            "date", "2014-06-27", "pages", 24)}))
                .retrieve().toBodilessEntity();

        String check = taskId("intake1", caseNumber, "CheckRecordsCompletenessTask");
        as("intake1").post().uri("/engine-rest/task/{id}/claim", check).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", "intake1")).retrieve().toBodilessEntity();
        submitForm("intake1", check, Map.of("recordsComplete", Map.of("value", "true")));

        JsonNode summaryTask = task("supervisor1", caseNumber, "WriteClinicalSummaryTask");
        String reviewer = summaryTask.get("assignee").asText();
        assertThat(reviewer).startsWith("reviewer");
        submitForm(reviewer, summaryTask.get("id").asText(), Map.of(
                "pagesReviewed", Map.of("value", 54),
                "clinicalSummary", Map.of("value", "The claimant was described as a 44-year-old man injured back in 2012.")));

        String decide = taskId(reviewer, caseNumber, "DecideItemTask");
        JsonNode formVariables = as(reviewer).get().uri("/engine-rest/task/{id}/form-variables", decide)
                .retrieve().body(JsonNode.class);
        assertThat(formVariables.at("/recommendedOutcome/value").asText()).isEqualTo("NOT_MEDICALLY_NECESSARY");
        assertThat(formVariables.at("/recommendationCitation/value").asText()).contains("page 60 of 127");
        // The reviewer establishes each fact from the records as they stand, or as not documented.
        JsonNode facts = as(reviewer).get().uri("/api/cases/{n}/items/1/facts", caseNumber).retrieve()
                .body(JsonNode.class);
        as(reviewer).put().uri("/api/cases/{n}/items/1/facts", caseNumber).contentType(MediaType.APPLICATION_JSON)
                .body(CaseDriver.factsAsGiven(facts).toString()).retrieve().toBodilessEntity();
        submitForm(reviewer, decide, Map.of("decision", Map.of("value", "UPHELD")));

        String qa = taskId("supervisor1", caseNumber, "ReviewLetterTask");
        as("supervisor1").post().uri("/engine-rest/task/{id}/claim", qa).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", "supervisor1")).retrieve().toBodilessEntity();
        submitForm("supervisor1", qa, Map.of("letterApproved", Map.of("value", "true")));

        JsonNode closed = waitForStatus(caseNumber, "DETERMINATION_ISSUED");
        assertThat(closed.get("outcome").asText()).isEqualTo("UPHELD");
        assertThat(closed.at("/disputedItems/0/decision/decision").asText()).isEqualTo("UPHELD");
        assertThat(closed.at("/disputedItems/0/decision/rationale").asText()).contains("not medically necessary");

        ResponseEntity<byte[]> letter = as("supervisor1").get().uri("/api/cases/{n}/letter", caseNumber)
                .retrieve().toEntity(byte[].class);
        assertThat(letter.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(letter.getBody(), 0, 5)).isEqualTo("%PDF-");

        // The reviewer: board certified in occupational medicine, no tie to the parties, described but never named.
        JsonNode assignment = as("supervisor1").get().uri("/api/cases/{n}/reviewer", caseNumber).retrieve()
                .body(JsonNode.class).at("/history/0");
        assertThat(assignment.get("userId").asText()).isEqualTo(reviewer);
        assertThat(assignment.get("specialty").asText()).isEqualTo("OCCUPATIONAL_MEDICINE");
        String name = as("supervisor1").get().uri("/api/reviewers/{u}", reviewer).retrieve().body(JsonNode.class)
                .get("displayName").asText();
        try (PDDocument pdf = Loader.loadPDF(letter.getBody())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Board Certified in", "State(s) of Licensure: CA",
                    "Certification(s)/Specialty: Occupational Medicine").doesNotContain(name, reviewer);
        }
    }

    private JsonNode waitForStatus(String caseNumber, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode view = as("supervisor1").get().uri("/api/cases/{n}", caseNumber).retrieve().body(JsonNode.class);
            if (status.equals(view.get("status").asText()) || Instant.now().isAfter(deadline)) {
                assertThat(view.get("status").asText()).isEqualTo(status);
                return view;
            }
            Thread.sleep(250);
        }
    }

    private void submitForm(String user, String taskId, Map<String, Object> variables) {
        ResponseEntity<Void> response = as(user).post().uri("/engine-rest/task/{id}/submit-form", taskId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables))
                .retrieve().toBodilessEntity();
        assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
    }

    private String taskId(String user, String caseNumber, String taskKey) {
        return task(user, caseNumber, taskKey).get("id").asText();
    }

    private JsonNode task(String user, String caseNumber, String taskKey) {
        JsonNode tasks = as(user).get()
                .uri("/engine-rest/task?processInstanceBusinessKey={n}&taskDefinitionKey={k}", caseNumber, taskKey)
                .retrieve().body(JsonNode.class);
        assertThat(tasks).as("%s sees one %s task", user, taskKey).hasSize(1);
        return tasks.get(0);
    }

    private RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, "demo"))
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE)
                .build();
    }
}
