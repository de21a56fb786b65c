package org.openimr.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Finds the Camunda Form a task or a start event shows, to know what its submission may carry.
 * Looked up as the engine (whoever asks), so the answer does not depend on the caller's rights:
 * whether the caller may submit at all is the engine's authorization check, afterwards.
 */
@Component
class DeployedForms {

    private final TaskService taskService;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ObjectMapper objectMapper;

    DeployedForms(TaskService taskService, FormService formService, RepositoryService repositoryService,
            IdentityService identityService, ObjectMapper objectMapper) {
        this.taskService = taskService;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.objectMapper = objectMapper;
    }

    /** The task's form; empty when there is no such task. */
    Optional<FormFields> ofTask(String taskId) {
        return asEngine(() -> {
            if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
                return Optional.empty();
            }
            return Optional.of(read(() -> formService.getDeployedTaskForm(taskId)));
        });
    }

    /** The start form of the process definition (by id, or the latest by key); empty when there is no such definition. */
    Optional<FormFields> ofStart(String processDefinitionId, String processDefinitionKey) {
        return asEngine(() -> {
            ProcessDefinition definition = processDefinitionKey != null
                    ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(processDefinitionKey)
                            .withoutTenantId().latestVersion().singleResult()
                    : repositoryService.createProcessDefinitionQuery().processDefinitionId(processDefinitionId)
                            .singleResult();
            if (definition == null) {
                return Optional.empty();
            }
            return Optional.of(read(() -> formService.getDeployedStartForm(definition.getId())));
        });
    }

    private FormFields read(Supplier<InputStream> form) {
        try (InputStream in = form.get()) {
            return FormFields.of(objectMapper.readTree(in));
        } catch (ProcessEngineException | IOException noForm) {
            // No form, or not a Camunda Form: nothing may be submitted with it.
            return FormFields.NONE;
        }
    }

    private <T> T asEngine(Supplier<T> lookup) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return lookup.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
