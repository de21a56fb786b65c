package org.openimr.reviewer;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine side of a reassignment: the case's open tasks of the previous reviewer go to the new
 * one, and so do its future reviewer tasks (their assignee is {@code ${reviewerUserId}}).
 * <p>
 * Camunda grants an assignee READ and UPDATE on the task when it is assigned, and does not take
 * that back when the task is assigned to someone else; the grants would let the previous reviewer
 * go on reading and completing the case's tasks, so they are deleted here.
 */
@Component
class ReviewerTasks {

    static final String REVIEWER_VARIABLE = "reviewerUserId";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    ReviewerTasks(RuntimeService runtimeService, TaskService taskService, AuthorizationService authorizationService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    /** Moves the reviewer's open tasks of the case; returns how many moved. */
    int move(String processInstanceId, String previousReviewer, String newReviewer) {
        runtimeService.setVariable(processInstanceId, REVIEWER_VARIABLE, newReviewer);
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskAssignee(previousReviewer).list();
        for (Task task : tasks) {
            taskService.setAssignee(task.getId(), newReviewer);
            revokeGrants(task.getId(), previousReviewer);
        }
        return tasks.size();
    }

    private void revokeGrants(String taskId, String userId) {
        for (Authorization grant : authorizationService.createAuthorizationQuery().userIdIn(userId)
                .resourceId(taskId).list()) {
            if (grant.getResourceType() == Resources.TASK.resourceType()
                    || grant.getResourceType() == Resources.HISTORIC_TASK.resourceType()) {
                authorizationService.deleteAuthorization(grant.getId());
            }
        }
    }
}
