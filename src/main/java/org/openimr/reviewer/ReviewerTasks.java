package org.openimr.reviewer;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openimr.cases.CaseGrants;
import org.springframework.stereotype.Component;

/**
 * The engine side of a reassignment: the case's open tasks of the previous reviewer go to the new
 * one, and so do its future reviewer tasks (their assignee is {@code ${reviewerUserId}}).
 * <p>
 * Camunda grants an assignee READ and TASK_WORK on the task when it is assigned, and does not take
 * that back when the task is assigned to someone else; those grants and the previous reviewer's
 * read access to the case's process instance would let them go on reading and completing the
 * case's tasks, so {@link CaseGrants} takes them back and gives the new reviewer the case.
 */
@Component
class ReviewerTasks {

    static final String REVIEWER_VARIABLE = "reviewerUserId";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final CaseGrants caseGrants;

    ReviewerTasks(RuntimeService runtimeService, TaskService taskService, CaseGrants caseGrants) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.caseGrants = caseGrants;
    }

    /** Moves the reviewer's open tasks of the case; returns how many moved. */
    int move(String processInstanceId, String previousReviewer, String newReviewer) {
        runtimeService.setVariable(processInstanceId, REVIEWER_VARIABLE, newReviewer);
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskAssignee(previousReviewer).list();
        for (Task task : tasks) {
            taskService.setAssignee(task.getId(), newReviewer);
        }
        caseGrants.revokeReviewer(processInstanceId, previousReviewer);
        caseGrants.grantReviewer(processInstanceId, newReviewer);
        return tasks.size();
    }
}
