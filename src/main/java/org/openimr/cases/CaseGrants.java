package org.openimr.cases;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine side of "only the assigned reviewer sees the case": while assigned, the reviewer may
 * read the case's process instance (its variables, in Tasklist and the engine REST API); Camunda
 * grants each reviewer task to its assignee. When the case goes to another reviewer or closes,
 * everything the previous one was granted on it goes: the process instance and every task of the
 * case, since Camunda keeps an assignee's task grants after the task is given to someone else.
 */
@Component
public class CaseGrants {

    private final AuthorizationService authorizationService;
    private final TaskService taskService;

    CaseGrants(AuthorizationService authorizationService, TaskService taskService) {
        this.authorizationService = authorizationService;
        this.taskService = taskService;
    }

    /** The reviewer may read the case's process instance from now on. */
    public void grantReviewer(String processInstanceId, String userId) {
        if (authorizationService.createAuthorizationQuery().userIdIn(userId).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId).count() > 0) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setUserId(userId);
        authorization.setResource(Resources.PROCESS_INSTANCE);
        authorization.setResourceId(processInstanceId);
        authorization.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(authorization);
    }

    /** The user keeps nothing of the case: no grant on its process instance or on any of its open tasks. */
    public void revokeReviewer(String processInstanceId, String userId) {
        Set<String> resourceIds = new HashSet<>();
        resourceIds.add(processInstanceId);
        taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream().map(Task::getId)
                .forEach(resourceIds::add);
        for (Authorization grant : authorizationService.createAuthorizationQuery().userIdIn(userId).list()) {
            if (resourceIds.contains(grant.getResourceId()) && isCaseResource(grant.getResourceType())) {
                authorizationService.deleteAuthorization(grant.getId());
            }
        }
    }

    private static boolean isCaseResource(int resourceType) {
        return resourceType == Resources.PROCESS_INSTANCE.resourceType()
                || resourceType == Resources.TASK.resourceType()
                || resourceType == Resources.HISTORIC_TASK.resourceType()
                || resourceType == Resources.HISTORIC_PROCESS_INSTANCE.resourceType();
    }
}
