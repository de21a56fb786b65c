package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The form guard cannot be walked around: the paths the REST layer also matches (a trailing
 * slash, doubled slashes, path parameters, the engine named in the path) are guarded as well, a
 * start cannot skip to an activity or skip listeners, a field cannot hold more than its form lets
 * it, and no file is attached to a task.
 */
class FormSubmissionGuardTest extends CaseTest {

    CaseUnderReview review;

    @BeforeEach
    void aCaseUnderReview() {
        review = CaseUnderReview.create(context);
    }

    @AfterEach
    void closeIt() {
        review.withdraw(context);
    }

    @Test
    void aForgedVariableIsRefusedWhateverTheSpellingOfThePath() {
        String task = review.decideTask().getId();
        Map<String, Object> forged = Map.of("variables", Map.of("decision", Map.of("value", "UPHELD"),
                "caseNumber", Map.of("value", "CM00-0000001")));
        for (String path : List.of("/engine-rest/task/" + task + "/submit-form", "/engine-rest/task/" + task + "/submit-form/",
                "/engine-rest//task/" + task + "//complete", "/engine-rest/task/" + task + ";x=1/submit-form",
                "/engine-rest/engine/default/task/" + task + "/complete", "/engine-rest/task/" + task + "/resolve")) {
            int status = status(http(review.reviewer(), "demo").post().uri(path).contentType(MediaType.APPLICATION_JSON)
                    .body(forged));
            assertThat(status).as(path).isIn(400, 404, 405);
        }
        assertThat(cases.tasks(review.caseNumber(), "DecideItemTask")).hasSize(1);
        assertThat(cases.variable(review.caseNumber(), "caseNumber")).isEqualTo(review.caseNumber());
    }

    @Test
    void aStartCannotSkipToAnActivityOrSkipListeners() {
        RestClient intake = http("intake1", "demo");
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "IssueLetterTask"))),
                Map.<String, Object>of("skipCustomListeners", true, "skipIoMappings", true))) {
            String answer = intake.post().uri("/engine-rest/process-definition/key/imr-case/start")
                    .contentType(MediaType.APPLICATION_JSON).body(body)
                    .exchange((request, response) -> response.getStatusCode().value() + " "
                            + new String(response.getBody().readAllBytes()));
            assertThat(answer).startsWith("400").contains("is not accepted with a form");
        }
    }

    @Test
    void aFieldHoldsNoMoreThanItsFormLetsIt() {
        String answer = http(review.reviewer(), "demo").post().uri("/engine-rest/task/{id}/submit-form",
                        review.decideTask().getId()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("decision", Map.of("value", "OVERTURNED"),
                        "ownCitation", Map.of("value", "c".repeat(1001)),
                        "ownRationale", Map.of("value", "r".repeat(20)))))
                .exchange((request, response) -> response.getStatusCode().value() + " "
                        + new String(response.getBody().readAllBytes()));

        assertThat(answer).startsWith("400")
                .contains("\"field\":\"variables.ownCitation\",\"problem\":\"must be at most 1000 characters\"")
                .contains("Please correct: Guideline or evidence relied on must be at most 1000 characters");
    }

    @Test
    void aFileCannotBeAttachedToATask() {
        MultiValueMap<String, Object> attachment = new LinkedMultiValueMap<>();
        attachment.add("attachment-name", "records.exe");
        attachment.add("content", new ByteArrayResource("MZ".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "records.exe";
            }
        });
        for (String user : new String[] {review.reviewer(), "admin"}) {
            int status = status(http(user, user.equals("admin") ? "admin" : "demo").post()
                    .uri("/engine-rest/task/{id}/attachment/create", review.decideTask().getId())
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(attachment));
            assertThat(status).as(user).isEqualTo(403);
        }
        assertThat(processEngine.getTaskService().getTaskAttachments(review.decideTask().getId())).isEmpty();
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode().value());
    }
}
