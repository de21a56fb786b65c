package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * What the engine refuses whoever asks: a model with a script in it, a deployer deleting the
 * deployment (a cascading delete would remove the cases started from it), the assignee of a task
 * moving its due date (the statutory deadline) or setting its variables one by one, anyone but an
 * administrator sending a case a message (withdrawal, expedited review: the API's job), and a
 * query carrying an expression for the engine to evaluate.
 */
class EngineHardeningTest extends CaseTest {

    private static final String SCRIPT_TASK = """
            <startEvent id="Begin"/>
            <scriptTask id="Run" scriptFormat="juel"><script>${execution.getProcessEngineServices()}</script></scriptTask>""";
    private static final String SCRIPT_LISTENER = """
            <startEvent id="Begin"><extensionElements><camunda:executionListener event="start">
              <camunda:script scriptFormat="juel">${1}</camunda:script></camunda:executionListener></extensionElements>
            </startEvent>""";
    private static final String SCRIPT_CONDITION = """
            <startEvent id="Begin"/><exclusiveGateway id="Choose"/><endEvent id="End"/>
            <sequenceFlow id="A" sourceRef="Begin" targetRef="Choose"/>
            <sequenceFlow id="B" sourceRef="Choose" targetRef="End">
              <conditionExpression xsi:type="tFormalExpression" language="juel">${true}</conditionExpression>
            </sequenceFlow>""";

    @Test
    void aModelWithAScriptIsRefused() {
        for (String script : new String[] {SCRIPT_TASK, SCRIPT_LISTENER, SCRIPT_CONDITION}) {
            Deployed refused = deploy("analyst1", "demo", script);
            assertThat(refused.status()).as(script).isEqualTo(400);
            assertThat(refused.body()).containsIgnoringCase("scripts are not allowed");
        }
        assertThat(deploy("analyst1", "demo", "<startEvent id=\"Begin\"/>").status()).isEqualTo(200);
    }

    @Test
    void aDeployerReadsTheirDeploymentButOnlyAnAdministratorDeletesIt() throws Exception {
        Deployed deployed = deploy("analyst1", "demo", "<startEvent id=\"Begin\"/>");
        String id = new ObjectMapper().readTree(deployed.body()).get("id").asText();

        assertThat(status(http("analyst1", "demo").get().uri("/engine-rest/deployment/{id}", id))).isEqualTo(200);
        assertThat(status(http("analyst1", "demo").delete().uri("/engine-rest/deployment/{id}?cascade=true", id)))
                .isEqualTo(403);
        assertThat(status(http("admin", "admin").delete().uri("/engine-rest/deployment/{id}?cascade=true", id)))
                .isEqualTo(204);
    }

    @Test
    void theAssigneeWorksTheTaskButDoesNotMoveItsDueDate() {
        CaseUnderReview review = CaseUnderReview.create(context);
        try {
            RestClient reviewer = http(review.reviewer(), "demo");
            String task = review.decideTask().getId();

            assertThat(status(reviewer.put().uri("/engine-rest/task/{id}", task).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "Decide disputed item", "due", "2099-01-01T00:00:00.000+0000"))))
                    .isEqualTo(403);
            assertThat(status(reviewer.post().uri("/engine-rest/task/{id}/localVariables", task)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("modifications",
                            Map.of("decision", Map.of("value", "UPHELD")))))).isEqualTo(403);
            assertThat(processEngine.getTaskService().createTaskQuery().taskId(task).singleResult().getDueDate())
                    .isEqualTo(review.decideTask().getDueDate());
        } finally {
            review.withdraw(context);
        }
    }

    @Test
    void nobodyButAnAdministratorSendsACaseAMessage() {
        CaseUnderReview review = CaseUnderReview.create(context);
        try {
            for (String user : new String[] {"intake1", review.reviewer(), "supervisor1"}) {
                int status = status(http(user, "demo").post().uri("/engine-rest/message")
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of("messageName", "CaseWithdrawn",
                                "businessKey", review.caseNumber(), "processVariables",
                                Map.of("withdrawalReason", Map.of("value", "EMPLOYEE_WITHDREW")))));
                assertThat(status).as(user).isEqualTo(403);
            }
            assertThat(cases.caseRecord(review.caseNumber()).isOpen()).isTrue();
        } finally {
            review.withdraw(context);
        }
    }

    @Test
    void aQueryCannotCarryAnExpression() {
        for (String user : new String[] {"intake1", "supervisor1"}) {
            String answer = http(user, "demo").get()
                    .uri("/engine-rest/task?assigneeExpression={e}", "${execution.getProcessEngineServices()}")
                    .exchange((request, response) -> response.getStatusCode().value() + " "
                            + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(answer).as(user).startsWith("400").contains("Expressions are forbidden");
        }
    }

    private record Deployed(int status, String body) {
    }

    private Deployed deploy(String user, String password, String elements) {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="http://openimr.org/test">
                  <process id="hardening-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                """ + elements + """
                  </process>
                </definitions>""";
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "hardening-probe");
        form.add("hardening-probe.bpmn", new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "hardening-probe.bpmn";
            }
        });
        return http(user, password).post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).exchange((request, response) -> new Deployed(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode().value());
    }
}
