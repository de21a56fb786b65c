package org.openimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;

/** Models deployed with the application, and a changed model deployed by an analyst as Camunda Modeler does. */
class ModelDeploymentTest extends CaseTest {

    @Test
    void theApplicationDeploysItsProcessDecisionsAndFormsTogether() {
        var repository = processEngine.getRepositoryService();
        var deployment = repository.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME)
                .orderByDeploymentTime().asc().list().get(0);
        assertThat(repository.getDeploymentResourceNames(deployment.getId()))
                .contains("bpmn/imr-case.bpmn", "bpmn/eligibility.dmn", "bpmn/guidelines/massage.dmn",
                        "forms/imr-application.form", "forms/decide-disputed-item.form");
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("eligibility").count()).isPositive();
    }

    @Test
    void anAnalystDeploysAChangedModelAndRunningCasesStayOnTheirVersion() throws IOException {
        String running = cases.submit(TestApplications.seedCase());
        ProcessDefinition before = definitionOf(running);
        String changed = Files.readString(Path.of("bpmn/imr-case.bpmn"))
                .replace("camunda:versionTag=\"1.0\"", "camunda:versionTag=\"1.0-analyst\"");

        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "imr-case-analyst-change");
        form.add("deployment-source", "Camunda Modeler");
        form.add("imr-case.bpmn", new ByteArrayResource(changed.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "imr-case.bpmn";
            }
        });
        JsonNode deployment = http("analyst1", "demo").post().uri("/engine-rest/deployment/create")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().body(JsonNode.class);
        assertThat(deployment.get("deployedProcessDefinitions")).hasSize(1);

        ProcessDefinition latest = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("imr-case").latestVersion().singleResult();
        assertThat(latest.getVersion()).isGreaterThan(before.getVersion());
        assertThat(latest.getVersionTag()).isEqualTo("1.0-analyst");
        assertThat(definitionOf(running).getId()).isEqualTo(before.getId());
        String started = cases.submit(TestApplications.seedCase());
        assertThat(definitionOf(started).getId()).isEqualTo(latest.getId());
    }

    @Test
    void onlyAnalystsAndAdministratorsDeploy() {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "not-allowed");
        form.add("x.bpmn", new ByteArrayResource("<x/>".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "x.bpmn";
            }
        });
        try {
            http("intake1", "demo").post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(form).retrieve().toBodilessEntity();
            throw new AssertionError("intake staff must not deploy models");
        } catch (HttpClientErrorException e) {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    private ProcessDefinition definitionOf(String caseNumber) {
        String definitionId = cases.history(caseNumber).getProcessDefinitionId();
        return processEngine.getRepositoryService().getProcessDefinition(definitionId);
    }
}
