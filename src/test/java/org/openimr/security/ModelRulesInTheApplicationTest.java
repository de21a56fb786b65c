package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The rules for models in the running application: the engine evaluates through the guarded
 * expression manager; every bean and method on the list exists (a renamed method would otherwise
 * fail only when a case reaches it); and every model of bpmn/, bpmn/guidelines/ and forms/ deploys
 * from Camunda Modeler's path as it does at start-up.
 */
class ModelRulesInTheApplicationTest extends CaseTest {

    @Test
    void theEngineEvaluatesThroughTheGuardedExpressionManager() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getExpressionManager()).isInstanceOf(GuardedExpressionManager.class);
        assertThat(configuration.getCustomPreDeployers()).hasAtLeastOneElementOfType(ModelDeploymentGuard.class);
    }

    @Test
    void everyListedBeanHasItsListedMethodsAndEveryDelegateIsADelegate() {
        ModelApi.BEANS.forEach((name, methods) -> {
            List<String> public_ = Arrays.stream(AopUtils.getTargetClass(context.getBean(name)).getMethods())
                    .filter(method -> Modifier.isPublic(method.getModifiers())).map(Method::getName).toList();
            assertThat(public_).as(name).containsAll(methods);
        });
        for (String name : ModelApi.DELEGATES) {
            assertThat(context.getBean(name)).as(name).isInstanceOfAny(JavaDelegate.class, ExecutionListener.class,
                    TaskListener.class);
        }
    }

    @Test
    void everyModelOfTheApplicationDeploysFromModelersPath() throws IOException {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "every-model-from-modeler");
        form.add("deployment-source", "Camunda Modeler");
        int resources = 0;
        for (String folder : List.of("bpmn", "bpmn/guidelines", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)$")).toList()) {
                    form.add(file.toString(), new FileSystemResource(file));
                    resources++;
                }
            }
        }
        for (String user : List.of("analyst1", "admin")) {
            JsonNode deployment = http(user, "admin".equals(user) ? "admin" : "demo").post()
                    .uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                    .retrieve().body(JsonNode.class);
            // The IMR case and "Record remand order".
            assertThat(deployment.get("deployedProcessDefinitions")).as(user).hasSize(2);
            assertThat(deployment.get("deployedDecisionDefinitions").size()).as(user).isGreaterThan(25);
            assertThat(processEngine.getRepositoryService().getDeploymentResourceNames(deployment.get("id").asText()))
                    .as(user).hasSize(resources);
        }
    }
}
