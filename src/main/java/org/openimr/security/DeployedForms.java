package org.openimr.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * Finds the Camunda Form a task or a start event shows, to know what a submission may carry, for
 * a caller who may submit it: someone who may not gets no form here, so that the engine, not the
 * form's rules, answers them (403).
 */
@Component
class DeployedForms {

    private final TaskService taskService;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final ObjectMapper objectMapper;

    DeployedForms(TaskService taskService, FormService formService, RepositoryService repositoryService,
            IdentityService identityService, AuthorizationService authorizationService, ObjectMapper objectMapper) {
        this.taskService = taskService;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.objectMapper = objectMapper;
    }

    /**
     * Who is calling: the engine REST API's authentication filter has set the user already; a
     * webapp's call carries the user in the webapp's session. Empty for someone not logged in.
     */
    Optional<Authentication> caller(HttpServletRequest request, String engineName) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current != null) {
            return Optional.of(current);
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        if (AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(
                engineName == null ? "default" : engineName) instanceof UserAuthentication user) {
            return Optional.of(new Authentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds()));
        }
        return Optional.empty();
    }

    /** The task's form, if the caller may work on the task. */
    Optional<FormFields> ofTask(Authentication caller, String taskId) {
        Task task = asEngine(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        if (task == null || !mayWork(caller, task)) {
            return Optional.empty();
        }
        return Optional.of(asEngine(() -> read(() -> formService.getDeployedTaskForm(taskId))));
    }

    /** The start form of the process definition (by id, or the latest by key), if the caller may start it. */
    Optional<FormFields> ofStart(Authentication caller, String processDefinitionId, String processDefinitionKey) {
        ProcessDefinition definition = as(caller, () -> (processDefinitionKey != null
                ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(processDefinitionKey)
                        .withoutTenantId().latestVersion()
                : repositoryService.createProcessDefinitionQuery().processDefinitionId(processDefinitionId))
                .startablePermissionCheck().singleResult());
        if (definition == null) {
            return Optional.empty();
        }
        return Optional.of(asEngine(() -> read(() -> formService.getDeployedStartForm(definition.getId()))));
    }

    private boolean mayWork(Authentication caller, Task task) {
        String definitionKey = asEngine(() -> repositoryService.getProcessDefinition(task.getProcessDefinitionId()))
                .getKey();
        return allowed(caller, TaskPermissions.TASK_WORK, Resources.TASK, task.getId())
                || allowed(caller, Permissions.UPDATE, Resources.TASK, task.getId())
                || allowed(caller, ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION, definitionKey)
                || allowed(caller, ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, definitionKey);
    }

    private boolean allowed(Authentication caller, Permission permission, Resources resource, String resourceId) {
        return authorizationService.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), permission, resource,
                resourceId);
    }

    private FormFields read(Supplier<InputStream> form) {
        try (InputStream in = form.get()) {
            return FormFields.of(objectMapper.readTree(in));
        } catch (ProcessEngineException | IOException noForm) {
            // No form, or not a Camunda Form: nothing may be submitted with it.
            return FormFields.NONE;
        }
    }

    /** Looked up as the engine itself, whatever the caller may read. */
    private <T> T asEngine(Supplier<T> lookup) {
        return as(null, lookup);
    }

    private <T> T as(Authentication who, Supplier<T> lookup) {
        Authentication current = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        if (who != null) {
            identityService.setAuthentication(who);
        }
        try {
            return lookup.get();
        } finally {
            identityService.clearAuthentication();
            if (current != null) {
                identityService.setAuthentication(current);
            }
        }
    }
}
