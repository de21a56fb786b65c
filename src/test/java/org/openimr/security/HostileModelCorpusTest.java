package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openimr.CaseTest;
import org.openimr.security.HostileModels.Model;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The hostile-model corpus ({@link HostileModels}: process models with payloads in every place an
 * expression is evaluated, subtle hand-written ones, decision tables with JUEL, forms with script)
 * deployed as an analyst and as an administrator through the path Camunda Modeler uses, and the
 * decision tables uploaded to the impact analysis as well: every one is answered 400 naming its
 * element and attribute, nothing of it is deployed, and the canary file its payloads would create
 * (as plain JUEL shows they do) is never written.
 */
class HostileModelCorpusTest extends CaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DEPLOYERS = List.of("analyst1", "admin");

    @TempDir
    Path folder;

    @Test
    void everyHostileModelIsRefusedNamingItsElementAndAttributeAndNothingRuns() throws Exception {
        Path canary = folder.resolve("canary");
        assertThat(payloadRuns(HostileModels.runtimeExec(canary.toString()), canary))
                .as("the payload runs its command when evaluated by plain JUEL").isTrue();
        Files.delete(canary);
        List<Model> corpus = HostileModels.all(canary);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        long deploymentsBefore = processEngine.getRepositoryService().createDeploymentQuery().count();

        List<String> accepted = new ArrayList<>();
        for (String user : DEPLOYERS) {
            for (Model model : corpus) {
                Answer answer = deploy(user, model);
                if (answer.status() != 400 || !namesElementAndAttribute(answer.body(), model)) {
                    accepted.add(user + ": " + model + " -> " + answer);
                }
                if (model.isDecisionTable()) {
                    Answer upload = uploadToImpactAnalysis(user, model);
                    if (upload.status() != 400 || !uploadNamesElementAndAttribute(upload.body(), model)) {
                        accepted.add(user + ", impact analysis: " + model + " -> " + upload);
                    }
                }
            }
        }

        assertThat(accepted).isEmpty();
        assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKeyLike("hostile%").count()).isZero();
        assertThat(processEngine.getManagementService().createJobQuery().list())
                .noneMatch(job -> String.valueOf(job.getProcessDefinitionKey()).startsWith("hostile"));
        assertThat(canary).doesNotExist();
    }

    /** Evaluates an expression as plain JUEL would, with nothing in the way, and waits for its command. */
    private static boolean payloadRuns(String expression, Path canary) throws Exception {
        SimpleContext context = new SimpleContext();
        Object process = new ExpressionFactoryImpl().createValueExpression(context, expression, Object.class)
                .getValue(context);
        ((Process) process).waitFor(10, TimeUnit.SECONDS);
        return Files.exists(canary);
    }

    private boolean namesElementAndAttribute(String body, Model model) throws Exception {
        JsonNode errors = JSON.readTree(body).path("details").path(model.resource()).path("errors");
        for (JsonNode error : errors) {
            boolean element = model.elementId() == null ? error.path("mainElementId").isNull()
                    : model.elementId().equals(error.path("mainElementId").asText());
            if (element && error.path("message").asText().contains(model.attribute())) {
                return true;
            }
        }
        return false;
    }

    private boolean uploadNamesElementAndAttribute(String body, Model model) throws Exception {
        for (JsonNode error : JSON.readTree(body).path("errors")) {
            String problem = error.path("problem").asText();
            if (error.path("field").asText().equals("files[0]") && problem.startsWith(model.elementId() + ", ")
                    && problem.contains(model.attribute())) {
                return true;
            }
        }
        return false;
    }

    private record Answer(int status, String body) {
    }

    private Answer deploy(String user, Model model) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", model.resource());
        form.add("deployment-source", "Camunda Modeler");
        form.add(model.resource(), file(model));
        return http(user, password(user)).post().uri("/engine-rest/deployment/create")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).exchange((request, response) -> new Answer(
                        response.getStatusCode().value(), new String(response.getBody().readAllBytes(),
                                StandardCharsets.UTF_8)));
    }

    private Answer uploadToImpactAnalysis(String user, Model model) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", file(model));
        return http(user, password(user)).post().uri("/api/guidelines/impact")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).exchange((request, response) -> new Answer(
                        response.getStatusCode().value(), new String(response.getBody().readAllBytes(),
                                StandardCharsets.UTF_8)));
    }

    private static ByteArrayResource file(Model model) {
        return new ByteArrayResource(model.content()) {
            @Override
            public String getFilename() {
                return model.resource();
            }
        };
    }

    private static String password(String user) {
        return "admin".equals(user) ? "admin" : "demo";
    }
}
