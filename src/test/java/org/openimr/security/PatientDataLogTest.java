package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A whole case with marker names, dates and clinical text, run through the HTTP APIs by the people
 * who work it, with the failures that make the engine and its REST API log an exception (a value
 * too long for its column, whose exception lists the variables with their values): none of the
 * markers appears in the log output, at the levels production runs with, while the case number
 * and the failures themselves do.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatientDataLogTest extends CaseTest {

    private static final String NAME = "Zorblax Quintavius";
    private static final String BIRTH = "1953-11-17";
    private static final String CLAIM = "MKRCLAIM-77177";
    private static final String DIAGNOSIS = "markeritis cervicalis profunda";
    private static final List<String> MARKERS = List.of("Zorblax", "Quintavius", BIRTH, "MKRCLAIM", "Markerstrasse",
            "Ulfhild", "Markerco", "Markerclaims", "Xyloph", "Markerprone", "Markerguide", "Markerdoc", "markeritis",
            "Markerqa", "Markerrationale");

    /** The engine's command and job loggers that the test configuration silences; production leaves them on. */
    private static final List<String> QUIETENED_IN_TESTS = List.of("org.camunda.bpm.engine.context");

    @Autowired
    LoggingSystem loggingSystem;

    @BeforeEach
    void productionLevels() {
        QUIETENED_IN_TESTS.forEach(logger -> loggingSystem.setLogLevel(logger, LogLevel.INFO));
    }

    @AfterEach
    void testLevels() {
        QUIETENED_IN_TESTS.forEach(logger -> loggingSystem.setLogLevel(logger, LogLevel.OFF));
    }

    @Test
    void aWholeCaseLeavesNoPatientDataInTheLog(CapturedOutput output) throws Exception {
        ObjectNode application = markedApplication();
        JsonNode created = as("intake1").post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .body(TestApplications.json(application)).retrieve().body(JsonNode.class);
        String caseNumber = created.get("caseNumber").asText();
        // The same application again, and a broken one: refused, and not logged with their contents.
        assertThat(status(as("intake1").post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .body(TestApplications.json(application)))).isEqualTo(409);
        ((ObjectNode) application.get("employee")).put("name", NAME + "\u0000");
        assertThat(status(as("intake1").post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .body(TestApplications.json(application)))).isEqualTo(400);

        assertThat(status(as("intake1").post().uri("/api/cases/{n}/records", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("documents", List.of(Map.of(
                        "title", "Markerdoc progress report on " + DIAGNOSIS, "author", "Dr. Xyloph Markerdoc",
                        "date", "2014-06-12", "pages", 30)))))).isEqualTo(201);
        String check = taskId(caseNumber, "CheckRecordsCompletenessTask");
        claim("intake1", check);
        submit("intake1", check, Map.of("recordsComplete", Map.of("value", "true")));

        String reviewer = cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee();
        String summaryTask = taskId(caseNumber, "WriteClinicalSummaryTask");
        // Too long for a string variable, and with a variable the form does not have: refused before the engine.
        assertThat(submitStatus(reviewer, summaryTask, Map.of("pagesReviewed", Map.of("value", 30),
                "clinicalSummary", Map.of("value", clinicalText(5000))))).isEqualTo(400);
        submit(reviewer, summaryTask, Map.of("pagesReviewed", Map.of("value", 30),
                "clinicalSummary", Map.of("value", clinicalText(600))));

        // The engine fails to store a value: its exception lists the variables it was writing, values and all.
        String instance = cases.processInstanceId(caseNumber);
        assertThatThrownBy(() -> processEngine.getRuntimeService().setVariable(instance, "markerProbe",
                clinicalText(4100))).isInstanceOf(RuntimeException.class);
        // The same through the engine REST API, which logs the stack trace of its 500 answers as text.
        assertThat(status(as("admin", "admin").post().uri("/engine-rest/process-instance/{id}/variables", instance)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("modifications", Map.of("markerProbe",
                        Map.of("value", clinicalText(4100), "type", "String")))))).isEqualTo(500);

        cases.establishFacts(caseNumber);
        String decide = taskId(caseNumber, "DecideItemTask");
        submit(reviewer, decide, Map.of("decision", Map.of("value", "UPHELD"),
                "decisionRationale", Map.of("value", "Markerrationale: " + NAME + " shows " + DIAGNOSIS + ".")));

        String qa = taskId(caseNumber, "ReviewLetterTask");
        claim("supervisor1", qa);
        submit("supervisor1", qa, Map.of("letterApproved", Map.of("value", "false"),
                "qaNote", Map.of("value", "Markerqa: name " + NAME + " once only")));
        submit(reviewer, taskId(caseNumber, "CorrectLetterTask"), Map.of("pagesReviewed", Map.of("value", 30),
                "clinicalSummary", Map.of("value", clinicalText(700))));
        String qaAgain = taskId(caseNumber, "ReviewLetterTask");
        claim("supervisor1", qaAgain);
        submit("supervisor1", qaAgain, Map.of("letterApproved", Map.of("value", "true")));
        cases.runJobs(caseNumber);
        JsonNode closed = as("supervisor1").get().uri("/api/cases/{n}", caseNumber).retrieve().body(JsonNode.class);
        assertThat(closed.get("status").asText()).isEqualTo("DETERMINATION_ISSUED");
        assertThat(cases.variable(caseNumber, "clinicalSummary").toString()).contains(NAME, DIAGNOSIS);

        String log = output.getAll();
        assertThat(log).contains("Case " + caseNumber, "ENGINE-16004", "ENGINE-REST-HTTP500",
                "ENGINE-03004 [message withheld]");
        for (String marker : MARKERS) {
            assertThat(log.toLowerCase(Locale.ROOT)).as("the log names %s", marker)
                    .doesNotContain(marker.toLowerCase(Locale.ROOT));
        }
    }

    private static ObjectNode markedApplication() {
        ObjectNode application = TestApplications.seedCase();
        ((ObjectNode) application.get("employee")).put("name", NAME).put("dateOfBirth", BIRTH).put("claimNumber", CLAIM)
                .put("address", "17 Markerstrasse Lane, Fresno, CA").put("representative", "Ulfhild Markerrep");
        ((ObjectNode) application.get("employer")).put("name", "Markerco Widgets");
        ((ObjectNode) application.get("claimsAdministrator")).put("name", "Markerclaims Inc");
        ((ObjectNode) application.get("requestingPhysician")).put("name", "Dr. Xyloph Markerdoc");
        ObjectNode item = TestApplications.item(application, 0);
        item.put("requestedTreatment", "Markerprone massage of the neck for " + DIAGNOSIS);
        item.put("claimsAdministratorGuideline", "Markerguide: denied for " + NAME);
        return application;
    }

    /** Clinical text about the marked patient, of about the length asked for. */
    private static String clinicalText(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(NAME).append(", born ").append(BIRTH).append(", presents with ").append(DIAGNOSIS).append(". ");
        }
        return text.substring(0, length);
    }

    private String taskId(String caseNumber, String taskKey) {
        return cases.task(caseNumber, taskKey).getId();
    }

    private void claim(String user, String taskId) {
        assertThat(status(as(user).post().uri("/engine-rest/task/{id}/claim", taskId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("userId", user)))).isEqualTo(204);
    }

    private void submit(String user, String taskId, Map<String, Object> variables) {
        assertThat(submitStatus(user, taskId, variables)).as("%s submits task %s", user, taskId).isEqualTo(204);
    }

    private int submitStatus(String user, String taskId, Map<String, Object> variables) {
        return status(as(user).post().uri("/engine-rest/task/{id}/submit-form", taskId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables)));
    }

    private RestClient as(String user) {
        return as(user, "demo");
    }

    private RestClient as(String user, String password) {
        return http(user, password);
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode().value());
    }
}
