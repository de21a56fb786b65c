package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;

/**
 * What a reviewer can do through Tasklist's own API ({@code /camunda/api/engine/...}), logged in
 * as Tasklist logs in: a session cookie, and the X-XSRF-TOKEN header Camunda's CSRF protection
 * asks of every change. Reviewer B sees and works B's case only; reviewer A cannot forge what a
 * form submission carries.
 */
class TasklistSessionTest extends CaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENGINE = "/camunda/api/engine/engine/default";

    CaseUnderReview caseOfA;
    CaseUnderReview caseOfB;

    @BeforeEach
    void twoCasesUnderReviewByDifferentReviewers() {
        caseOfA = CaseUnderReview.create(context);
        caseOfB = CaseUnderReview.create(context, caseOfA.reviewer());
    }

    @AfterEach
    void closeThem() {
        if (cases.caseRecord(caseOfA.caseNumber()).isOpen()) {
            caseOfA.withdraw(context);
        }
        caseOfB.withdraw(context);
    }

    @Test
    void reviewerBListsReadsClaimsAndCompletesOnlyTheirOwnCase() throws Exception {
        Tasklist b = Tasklist.logIn(port, caseOfB.reviewer());
        String taskOfA = caseOfA.decideTask().getId();

        JsonNode myTasks = b.post(ENGINE + "/filter/" + b.filterId("My tasks") + "/list", "{}").json();
        assertThat(myTasks.findValuesAsText("id")).contains(caseOfB.decideTask().getId()).doesNotContain(taskOfA);
        assertThat(b.get(ENGINE + "/task?processInstanceBusinessKey=" + caseOfA.caseNumber()).json()).isEmpty();
        assertThat(b.get(ENGINE + "/task/" + taskOfA).status()).isEqualTo(404);
        assertThat(b.get(ENGINE + "/task/" + taskOfA + "/form-variables").status()).isEqualTo(403);
        assertThat(b.get(ENGINE + "/variable-instance?processInstanceIdIn=" + caseOfA.processInstanceId()).json())
                .isEmpty();
        assertThat(b.post(ENGINE + "/task/" + taskOfA + "/claim", "{\"userId\": \"" + caseOfB.reviewer() + "\"}")
                .status()).isEqualTo(403);
        assertThat(b.post(ENGINE + "/task/" + taskOfA + "/submit-form", decision("UPHELD")).status()).isEqualTo(403);
        // The letter link of a form opens with the same session: not for a case that is not B's.
        assertThat(b.get("/api/cases/" + caseOfA.caseNumber() + "/letter?kind=NOTICE_OF_ASSIGNMENT").status())
                .isEqualTo(403);

        assertThat(b.get(ENGINE + "/task/" + caseOfB.decideTask().getId() + "/form-variables").status()).isEqualTo(200);
        assertThat(b.post(ENGINE + "/task/" + caseOfB.decideTask().getId() + "/submit-form", decision("UPHELD"))
                .status()).isEqualTo(204);
        assertThat(cases.tasks(caseOfA.caseNumber(), "DecideItemTask")).as("A's case untouched").hasSize(1);
    }

    @Test
    void withoutTheCsrfTokenTasklistsSessionChangesNothing() throws Exception {
        Tasklist b = Tasklist.logIn(port, caseOfB.reviewer());

        Answer withoutToken = b.postWithoutToken(ENGINE + "/task/" + caseOfB.decideTask().getId() + "/submit-form",
                decision("UPHELD"));

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(cases.tasks(caseOfB.caseNumber(), "DecideItemTask")).hasSize(1);
    }

    @Test
    void aFormSubmissionCarriesTheFieldsOfItsFormAndNothingElse() throws Exception {
        Tasklist a = Tasklist.logIn(port, caseOfA.reviewer());
        String task = ENGINE + "/task/" + caseOfA.decideTask().getId() + "/submit-form";

        // The decision stored on B's case, or against another recommendation, by sending the variables along.
        Answer forged = a.post(task, "{\"variables\": {\"decision\": {\"value\": \"UPHELD\"}, "
                + "\"caseNumber\": {\"value\": \"" + caseOfB.caseNumber() + "\"}, "
                + "\"recommendedOutcome\": {\"value\": \"NOT_MEDICALLY_NECESSARY\"}}}");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().findValuesAsText("field"))
                .containsExactlyInAnyOrder("variables.caseNumber", "variables.recommendedOutcome");

        Answer notAnOption = a.post(task, decision("PARTLY"));
        assertThat(notAnOption.status()).isEqualTo(400);
        assertThat(notAnOption.json().findValuesAsText("field")).containsExactly("variables.decision");

        Answer serialized = a.post(task, "{\"variables\": {\"decision\": {\"value\": \"UPHELD\", \"type\": \"Object\", "
                + "\"valueInfo\": {\"objectTypeName\": \"java.lang.ProcessBuilder\", "
                + "\"serializationDataFormat\": \"application/json\"}}}}");
        assertThat(serialized.status()).isEqualTo(400);
        assertThat(serialized.json().findValuesAsText("field")).containsExactly("variables.decision.type");

        assertThat(a.post(task, decision("UPHELD")).status()).isEqualTo(204);
        assertThat(cases.caseRecord(caseOfB.caseNumber()).stage()).isEqualTo("ITEM_DECISIONS");
        assertThat(cases.variable(caseOfA.caseNumber(), "caseNumber")).isEqualTo(caseOfA.caseNumber());
    }

    @Test
    void answersTheItemsListenerRefusesComeBackAs400NamingTheField() throws Exception {
        Tasklist a = Tasklist.logIn(port, caseOfA.reviewer());
        String taskId = caseOfA.decideTask().getId();

        Answer refused = a.post(ENGINE + "/task/" + taskId + "/submit-form",
                decision(cases.decisionAgainstRecommendation(taskId)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().findValuesAsText("field")).containsExactly("ownCitation");
        assertThat(refused.json().path("message").asText()).contains("give your own rationale and citation");
        assertThat(cases.tasks(caseOfA.caseNumber(), "DecideItemTask")).extracting(Task::getId).containsExactly(taskId);
    }

    private static String decision(String decision) {
        return "{\"variables\": {\"decision\": {\"value\": \"" + decision + "\"}}}";
    }

    record Answer(int status, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** A browser's session with Tasklist: its cookies, and the CSRF token Camunda hands out with every answer. */
    static final class Tasklist {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String base;
        private String csrfToken;

        private Tasklist(int port) {
            this.base = "http://localhost:" + port;
        }

        static Tasklist logIn(int port, String user) throws Exception {
            Tasklist tasklist = new Tasklist(port);
            tasklist.get("/camunda/app/tasklist/default/");
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
            Answer login = tasklist.send(HttpRequest.newBuilder(URI.create(tasklist.base
                    + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", tasklist.csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(login.status()).as("Tasklist login of %s: %s", user, login.body()).isEqualTo(200);
            // The session changes at login, and its token with it.
            tasklist.get("/camunda/api/admin/auth/user/default");
            return tasklist;
        }

        String filterId(String name) throws IOException, InterruptedException {
            for (JsonNode filter : get(ENGINE + "/filter?resourceType=Task").json()) {
                if (name.equals(filter.get("name").asText())) {
                    return filter.get("id").asText();
                }
            }
            throw new AssertionError("No Tasklist filter " + name);
        }

        Answer get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
        }

        Answer post(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        Answer postWithoutToken(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
            return new Answer(response.statusCode(), response.body());
        }
    }
}
