package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.openimr.CaseTest;
import org.openimr.records.DeliveryClient;
import org.openimr.records.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application's API, and the case-related ones of the engine REST API,
 * called by every role over HTTP: who gets through (the answer the endpoint gives) and who is
 * turned away (401 without credentials, 403 for the wrong role or a case not theirs). The case is
 * one under review by reviewer A; reviewer B reviews another case. Calls that would change the
 * case are made with a body the endpoint refuses (400), so that getting through shows without
 * anything changing; a list answers with the case for those who may see it and without for
 * those who may not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends CaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The roles of the matrix, in its column order. */
    enum Role {
        ANONYMOUS(null), INTAKE("intake1"), REVIEWER_A(null), REVIEWER_B(null), SUPERVISOR("supervisor1"),
        ANALYST("analyst1"), ADMIN("admin");

        final String fixedUser;

        Role(String fixedUser) {
            this.fixedUser = fixedUser;
        }
    }

    /** What a role gets from an endpoint: a status, or (for a list) a 200 with or without the case in it. */
    record Expected(int status, Boolean listsTheCase) {

        static Expected status(int status) {
            return new Expected(status, null);
        }

        static final Expected LISTED = new Expected(200, true);
        static final Expected NOT_LISTED = new Expected(200, false);

        @Override
        public String toString() {
            return listsTheCase == null ? String.valueOf(status) : listsTheCase ? "200 with the case" : "200 without it";
        }
    }

    /** One endpoint as a role calls it. */
    record Call(HttpMethod method, String path, Object body) {
    }

    /** A row: the endpoint's mapping, how to call it, and the answer for each role in column order. */
    record Row(String mapping, Call call, List<Expected> expected) {
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    CaseUnderReview caseOfA;
    CaseUnderReview caseOfB;

    long reportOfA;
    long faxOfA;

    @BeforeAll
    void twoCasesUnderReviewByDifferentReviewers() {
        caseOfA = CaseUnderReview.create(context);
        caseOfB = CaseUnderReview.create(context, caseOfA.reviewer());
        JsonNode delivered = new DeliveryClient(http("intake1", "demo")).deliver(caseOfA.caseNumber(), List.of(
                DeliveryClient.Sent.of("report.pdf", TestDocuments.pdf(2, "matrix"), "Progress report"),
                DeliveryClient.Sent.of("fax.tif", TestDocuments.tiff(1, "matrix"), "Fax"))).body();
        reportOfA = delivered.at("/files/0/documentId").asLong();
        faxOfA = delivered.at("/files/1/documentId").asLong();
    }

    @AfterAll
    void closeThem() {
        caseOfA.withdraw(context);
        caseOfB.withdraw(context);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEachRoleAsItsRulesSay() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : rows()) {
            for (Role role : Role.values()) {
                Expected expected = row.expected().get(role.ordinal());
                cells.add(dynamicTest(row.mapping() + " as " + role + " -> " + expected,
                        () -> assertAnswer(role, row, expected)));
            }
        }
        return cells.stream();
    }

    @Test
    void theMatrixCoversEveryEndpointOfTheApplicationsApi() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            for (String path : mapping.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    mapping.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method + " " + path));
                }
            }
        }
        Set<String> covered = rows().stream().map(Row::mapping).collect(Collectors.toCollection(TreeSet::new));

        assertThat(covered).containsAll(endpoints);
        assertThat(rows().size() * Role.values().length).as("cells of the matrix").isGreaterThan(300);
    }

    private List<Row> rows() {
        String x = caseOfA.caseNumber();
        String instance = caseOfA.processInstanceId();
        String task = caseOfA.decideTask().getId();
        List<Row> rows = new ArrayList<>();
        // The application's API. Columns: anonymous, intake, reviewer A, reviewer B, supervisor, analyst, admin.
        rows.add(row("POST /api/cases", post("/api/cases", Map.of()), 401, 400, 403, 403, 403, 403, 400));
        rows.add(row("GET /api/cases/{caseNumber}", get("/api/cases/" + x), 401, 200, 200, 403, 200, 403, 200));
        rows.add(row("GET /api/cases/{caseNumber}/overview", get("/api/cases/" + x + "/overview"),
                401, 200, 200, 403, 200, 403, 200));
        rows.add(row("GET /api/cases/{caseNumber}/timeline", get("/api/cases/" + x + "/timeline"),
                401, 200, 200, 403, 200, 403, 200));
        rows.add(row("GET /api/cases", get("/api/cases?number=" + x), 401, 200, 403, 403, 200, 403, 200));
        rows.add(row("GET /api/case-searches", get("/api/case-searches?caseNumber=" + x),
                401, 403, 403, 403, 200, 403, 200));
        rows.add(row("GET /api/case-labels", get("/api/case-labels"), 401, 200, 200, 200, 200, 200, 200));
        rows.add(row("GET /api/cases/registered-today", get("/api/cases/registered-today"), 401, 200, 403, 403, 200, 403,
                200));
        rows.add(row("POST /api/cases/{caseNumber}/withdrawal", post("/api/cases/" + x + "/withdrawal",
                Map.of("reason", "BORED")), 401, 400, 403, 403, 400, 403, 400));
        rows.add(row("POST /api/cases/{caseNumber}/records", post("/api/cases/" + x + "/records",
                Map.of("documents", List.of())), 401, 400, 403, 403, 400, 403, 400));
        // A JSON body to the upload: past the rules, the endpoint asks for multipart (415).
        rows.add(row("POST /api/cases/{caseNumber}/documents", post("/api/cases/" + x + "/documents", Map.of()),
                401, 415, 403, 403, 415, 403, 415));
        rows.add(row("GET /api/cases/{caseNumber}/documents", get("/api/cases/" + x + "/documents"),
                401, 200, 200, 403, 200, 403, 200));
        rows.add(row("GET /api/cases/{caseNumber}/documents/accesses", get("/api/cases/" + x + "/documents/accesses"),
                401, 403, 403, 403, 200, 403, 200));
        rows.add(row("GET /api/cases/{caseNumber}/documents/{documentId}/content",
                get("/api/cases/" + x + "/documents/" + reportOfA + "/content"), 401, 200, 200, 403, 200, 403, 200));
        rows.add(row("GET /api/cases/{caseNumber}/documents/{documentId}/pages/{page}",
                get("/api/cases/" + x + "/documents/" + faxOfA + "/pages/1"), 401, 200, 200, 403, 200, 403, 200));
        rows.add(row("POST /api/cases/{caseNumber}/documents/{documentId}/views",
                post("/api/cases/" + x + "/documents/" + reportOfA + "/views", Map.of("page", 1)),
                401, 204, 204, 403, 204, 403, 204));
        rows.add(row("GET /api/cases/{caseNumber}/items/{itemNo}/facts", get("/api/cases/" + x + "/items/1/facts"),
                401, 200, 200, 403, 200, 403, 200));
        // An empty list of facts: past the rules, the endpoint refuses it (400).
        rows.add(row("PUT /api/cases/{caseNumber}/items/{itemNo}/facts", new Call(HttpMethod.PUT,
                "/api/cases/" + x + "/items/1/facts", Map.of("facts", List.of())), 401, 403, 400, 403, 403, 403, 400));
        rows.add(row("GET /api/cases/{caseNumber}/letter", get("/api/cases/" + x + "/letter?kind=NOTICE_OF_ASSIGNMENT"),
                401, 200, 200, 403, 200, 403, 200));
        rows.add(row("GET /api/cases/{caseNumber}/deadlines", get("/api/cases/" + x + "/deadlines"),
                401, 200, 200, 403, 200, 403, 200));
        rows.add(row("POST /api/cases/{caseNumber}/expedite", post("/api/cases/" + x + "/expedite",
                Map.of("certificationDate", "2999-01-01")), 401, 400, 403, 403, 400, 403, 400));
        rows.add(row("GET /api/cases/{caseNumber}/screening", get("/api/cases/" + x + "/screening"),
                401, 200, 200, 403, 200, 403, 200));
        rows.add(row("POST /api/cases/{caseNumber}/liability-determination",
                post("/api/cases/" + x + "/liability-determination", Map.of()), 401, 400, 403, 403, 400, 403, 400));
        rows.add(row("POST /api/cases/{caseNumber}/information-received",
                post("/api/cases/" + x + "/information-received", Map.of()), 401, 400, 403, 403, 400, 403, 400));
        rows.add(row("GET /api/cases/{caseNumber}/reviewer", get("/api/cases/" + x + "/reviewer"),
                401, 403, 403, 403, 200, 403, 403));
        rows.add(row("POST /api/cases/{caseNumber}/reviewer", post("/api/cases/" + x + "/reviewer", Map.of()),
                401, 403, 403, 403, 400, 403, 403));
        rows.add(row("GET /api/cases/{caseNumber}/remands", get("/api/cases/" + x + "/remands"),
                401, 200, 200, 403, 200, 403, 200));
        rows.add(row("POST /api/cases/{caseNumber}/remands", post("/api/cases/" + x + "/remands", Map.of()),
                401, 403, 403, 403, 400, 403, 403));
        rows.add(row("GET /api/cases/{caseNumber}/invoices", get("/api/cases/" + x + "/invoices"),
                401, 403, 403, 403, 200, 403, 200));
        rows.add(row("GET /api/invoices/{number}", get("/api/invoices/INV-NONE-1"), 401, 403, 403, 403, 404, 403, 404));
        rows.add(row("GET /api/invoices/{number}/pdf", get("/api/invoices/INV-NONE-1/pdf"),
                401, 403, 403, 403, 404, 403, 404));
        rows.add(row("POST /api/invoices/{number}/payments", post("/api/invoices/INV-NONE-1/payments", Map.of()),
                401, 403, 403, 403, 400, 403, 400));
        rows.add(row("GET /api/invoices/unbilled", get("/api/invoices/unbilled"), 401, 403, 403, 403, 200, 403, 200));
        rows.add(row("GET /api/invoices/past-due", get("/api/invoices/past-due"), 401, 403, 403, 403, 200, 403, 200));
        rows.add(row("GET /api/statements", get("/api/statements?claimsAdministrator=x&month=May"),
                401, 403, 403, 403, 400, 403, 400));
        rows.add(row("GET /api/reviewers", get("/api/reviewers"), 401, 403, 403, 403, 200, 403, 403));
        rows.add(row("GET /api/reviewers/{userId}", get("/api/reviewers/reviewer12"), 401, 403, 403, 403, 200, 403, 403));
        rows.add(row("POST /api/reviewers", post("/api/reviewers", Map.of()), 401, 403, 403, 403, 400, 403, 403));
        rows.add(row("PATCH /api/reviewers/{userId}", new Call(HttpMethod.PATCH, "/api/reviewers/reviewer12", Map.of()),
                401, 403, 403, 403, 400, 403, 403));
        // reviewer12 is licensed outside California and never selected: switching it off and on again changes nothing.
        rows.add(row("POST /api/reviewers/{userId}/deactivation", post("/api/reviewers/reviewer12/deactivation", null),
                401, 403, 403, 403, 200, 403, 403));
        rows.add(row("POST /api/reviewers/{userId}/activation", post("/api/reviewers/reviewer12/activation", null),
                401, 403, 403, 403, 200, 403, 403));
        rows.add(row("POST /api/reviewers/{userId}/affiliations", post("/api/reviewers/reviewer12/affiliations",
                Map.of()), 401, 403, 403, 403, 400, 403, 403));
        rows.add(row("POST /api/guidelines/evaluate", post("/api/guidelines/evaluate", Map.of()),
                401, 400, 400, 400, 400, 400, 400));
        rows.add(row("GET /api/guidelines/categories/{category}/facts", get("/api/guidelines/categories/MASSAGE/facts"),
                401, 200, 200, 200, 200, 200, 200));
        rows.add(row("GET /api/guidelines/departures", get("/api/guidelines/departures"), 401, 403, 403, 403, 200, 200, 200));
        rows.add(row("GET /api/guidelines/rules", get("/api/guidelines/rules"), 401, 403, 403, 403, 200, 200, 200));
        rows.add(row("POST /api/guidelines/impact", post("/api/guidelines/impact", null), 401, 403, 403, 403, 400, 400, 400));
        rows.add(row("GET /api/reports/monthly", get("/api/reports/monthly?month=May"),
                401, 403, 403, 403, 400, 400, 400));
        rows.add(row("GET /api/publication", get("/api/publication?from=2026-11-01&to=November"),
                401, 403, 403, 403, 400, 403, 400));
        rows.add(row("GET /api/publication/withheld", get("/api/publication/withheld?from=2026-11-01&to=November"),
                401, 403, 403, 403, 400, 403, 400));
        rows.add(row("GET /api/publication/withheld/{caseNumber}/{reviewNo}",
                get("/api/publication/withheld/" + x + "/9"), 401, 403, 403, 403, 404, 403, 404));
        rows.add(row("POST /api/publication/withheld/{caseNumber}/{reviewNo}/release",
                post("/api/publication/withheld/" + x + "/9/release", Map.of()), 401, 403, 403, 403, 400, 403, 400));
        rows.add(row("GET /api/sla/summary", get("/api/sla/summary"), 401, 403, 403, 403, 200, 403, 200));
        rows.add(row("GET /api/sla/late-records", get("/api/sla/late-records"), 401, 403, 403, 403, 200, 403, 200));
        rows.add(row("GET /actuator/metrics", get("/actuator/metrics"), 401, 403, 403, 403, 200, 403, 200));
        rows.add(row("GET /actuator/health/liveness", get("/actuator/health/liveness"), 200, 200, 200, 200, 200, 200, 200));

        // The engine REST API: the case's process instance, its variables and task, and their history.
        // The engine answers 404 where it finds a resource by a query the caller's rights filter: it hides that it exists.
        rows.add(row("GET /engine-rest/process-instance/{id}", get("/engine-rest/process-instance/" + instance),
                401, 200, 200, 404, 200, 404, 200));
        rows.add(row("GET /engine-rest/process-instance/{id}/variables",
                get("/engine-rest/process-instance/" + instance + "/variables"), 401, 200, 200, 403, 200, 403, 200));
        rows.add(listRow("GET /engine-rest/process-instance", get("/engine-rest/process-instance?businessKey=" + x),
                true, true, false, true, false, true));
        rows.add(listRow("GET /engine-rest/variable-instance",
                get("/engine-rest/variable-instance?processInstanceIdIn=" + instance), true, true, false, true, false, true));
        // Intake reads the reviewer's task as it reads the case (its variables are the case's), but may not work it.
        rows.add(listRow("GET /engine-rest/task", get("/engine-rest/task?processInstanceBusinessKey=" + x),
                true, true, false, true, false, true));
        rows.add(row("GET /engine-rest/task/{id}", get("/engine-rest/task/" + task), 401, 200, 200, 404, 200, 404, 200));
        rows.add(row("GET /engine-rest/task/{id}/form-variables", get("/engine-rest/task/" + task + "/form-variables"),
                401, 200, 200, 403, 200, 403, 200));
        rows.add(row("GET /engine-rest/task/{id}/variables", get("/engine-rest/task/" + task + "/variables"),
                401, 200, 200, 403, 200, 403, 200));
        // Claiming for its assignee changes nothing; completing without the form's required decision is refused (400)
        // to those who may complete the task, and refused as such (403) to the others.
        rows.add(row("POST /engine-rest/task/{id}/claim", post("/engine-rest/task/" + task + "/claim",
                Map.of("userId", caseOfA.reviewer())), 401, 403, 204, 403, 403, 403, 204));
        rows.add(row("POST /engine-rest/task/{id}/complete", post("/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of())), 401, 403, 400, 403, 403, 403, 400));
        rows.add(row("POST /engine-rest/task/{id}/submit-form", post("/engine-rest/task/" + task + "/submit-form",
                Map.of("variables", Map.of())), 401, 403, 400, 403, 403, 403, 400));
        // Even the assignee may not set a task's variables one by one (TASK_WORK, not UPDATE).
        rows.add(row("PUT /engine-rest/task/{id}/variables/{name}", new Call(HttpMethod.PUT,
                "/engine-rest/task/" + task + "/variables/matrixProbe", Map.of("value", "probe", "type", "String")),
                401, 403, 403, 403, 403, 403, 204));
        rows.add(row("POST /engine-rest/process-instance/{id}/variables", post("/engine-rest/process-instance/"
                + instance + "/variables", Map.of("modifications", Map.of())), 401, 403, 403, 403, 403, 403, 204));
        rows.add(listRow("GET /engine-rest/history/process-instance",
                get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + x),
                false, false, false, true, false, true));
        rows.add(listRow("GET /engine-rest/history/variable-instance",
                get("/engine-rest/history/variable-instance?processInstanceId=" + instance),
                false, false, false, true, false, true));
        rows.add(listRow("GET /engine-rest/history/detail", get("/engine-rest/history/detail?processInstanceId=" + instance),
                false, false, false, true, false, true));
        rows.add(listRow("GET /engine-rest/history/task", get("/engine-rest/history/task?processInstanceBusinessKey=" + x),
                false, false, false, true, false, true));
        rows.add(listRow("GET /engine-rest/history/activity-instance",
                get("/engine-rest/history/activity-instance?processInstanceId=" + instance),
                false, false, false, true, false, true));
        // The guideline evaluations of the case carry its facts: not for analysts.
        rows.add(listRow("GET /engine-rest/history/decision-instance",
                get("/engine-rest/history/decision-instance?processInstanceId=" + instance),
                false, false, false, true, false, true));
        // Starting a case with an empty start form gets as far as the form's required fields for intake only.
        rows.add(row("POST /engine-rest/process-definition/key/{key}/submit-form",
                post("/engine-rest/process-definition/key/imr-case/submit-form", Map.of("variables", Map.of())),
                401, 400, 403, 403, 403, 403, 400));
        rows.add(row("POST /engine-rest/deployment/create", new Call(HttpMethod.POST, "/engine-rest/deployment/create",
                probeDeployment()), 401, 403, 403, 403, 403, 200, 200));
        rows.add(listRow("GET /engine-rest/decision-definition", get("/engine-rest/decision-definition?key=mtus_MASSAGE"),
                false, false, false, true, true, true));
        return rows;
    }

    private void assertAnswer(Role role, Row row, Expected expected) throws Exception {
        RestClient.RequestBodySpec request = client(role).method(row.call().method()).uri(row.call().path());
        if (row.call().body() instanceof MultiValueMap<?, ?> parts) {
            request.contentType(MediaType.MULTIPART_FORM_DATA).body(parts);
        } else if (row.call().body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(row.call().body()));
        }
        Answer answer = request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));

        assertThat(answer.status()).as("%s as %s: %s", row.mapping(), role, answer.body()).isEqualTo(expected.status());
        if (expected.listsTheCase() != null) {
            assertThat(JSON.readTree(answer.body()).size() > 0).as("%s as %s lists the case", row.mapping(), role)
                    .isEqualTo(expected.listsTheCase());
        }
    }

    private record Answer(int status, String body) {
    }

    private RestClient client(Role role) {
        return switch (role) {
            case ANONYMOUS -> RestClient.builder().baseUrl("http://localhost:" + port).build();
            case REVIEWER_A -> http(caseOfA.reviewer(), "demo");
            case REVIEWER_B -> http(caseOfB.reviewer(), "demo");
            case ADMIN -> http("admin", "admin");
            default -> http(role.fixedUser, "demo");
        };
    }

    private static Row row(String mapping, Call call, int... statuses) {
        List<Expected> expected = new ArrayList<>();
        for (int status : statuses) {
            expected.add(Expected.status(status));
        }
        return new Row(mapping, call, expected);
    }

    /** A list: 401 without credentials, else a 200 with the case for those marked true (intake .. admin). */
    private static Row listRow(String mapping, Call call, boolean... listed) {
        List<Expected> expected = new ArrayList<>(List.of(Expected.status(401)));
        for (boolean sees : listed) {
            expected.add(sees ? Expected.LISTED : Expected.NOT_LISTED);
        }
        return new Row(mapping, call, expected);
    }

    private static Call get(String path) {
        return new Call(HttpMethod.GET, path, null);
    }

    private static Call post(String path, Object body) {
        return new Call(HttpMethod.POST, path, body);
    }

    /** What Camunda Modeler sends: a small process model, deployed anew by each caller allowed to. */
    private static MultiValueMap<String, Object> probeDeployment() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://openimr.org/test">
                  <process id="matrix-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="Start"/>
                  </process>
                </definitions>""";
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "matrix-probe");
        form.add("matrix-probe.bpmn", new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "matrix-probe.bpmn";
            }
        });
        return form;
    }
}
