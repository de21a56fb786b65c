package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.Roles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The grants a task gives its candidate group: intake and supervisors, who read the case's tasks by
 * their role, get only the right to work their group's tasks, and still see and finish them; neither
 * may work the other group's tasks.
 */
class CandidateGroupGrantsTest extends CaseTest {

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Test
    void eachGroupGetsOnlyWorkOnItsTasksFindsAndFinishesThemAndCannotWorkTheOthers() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        Task recordsCheck = cases.task(caseNumber, "CheckRecordsCompletenessTask");
        Authorization intakeGrant = groupGrant(Roles.INTAKE, recordsCheck);
        assertThat(intakeGrant.isPermissionGranted(Permissions.READ)).isFalse();
        assertThat(intakeGrant.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(inGroupList("intake1", Roles.INTAKE, recordsCheck)).isTrue();
        assertThat(inGroupList("reviewer1", Roles.REVIEWER, recordsCheck)).isFalse();
        assertThat(readable("reviewer1", Roles.REVIEWER, recordsCheck)).isFalse();
        assertThat(authorizations.isUserAuthorized("supervisor1", List.of(Roles.SUPERVISOR), TaskPermissions.TASK_WORK,
                Resources.TASK, recordsCheck.getId())).isFalse();
        cases.recordsComplete(caseNumber);

        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");
        Task letterReview = cases.task(caseNumber, "ReviewLetterTask");
        Authorization supervisorGrant = groupGrant(Roles.SUPERVISOR, letterReview);
        assertThat(supervisorGrant.isPermissionGranted(Permissions.READ)).isFalse();
        assertThat(supervisorGrant.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(inGroupList("supervisor1", Roles.SUPERVISOR, letterReview)).isTrue();
        assertThat(inGroupList("intake1", Roles.INTAKE, letterReview)).isFalse();
        assertThat(authorizations.isUserAuthorized("supervisor1", List.of(Roles.SUPERVISOR), TaskPermissions.TASK_WORK,
                Resources.TASK, letterReview.getId())).isTrue();
        assertThat(authorizations.isUserAuthorized("intake1", List.of(Roles.INTAKE), TaskPermissions.TASK_WORK,
                Resources.TASK, letterReview.getId())).isFalse();
    }

    private Authorization groupGrant(String group, Task task) {
        return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.TASK)
                .resourceId(task.getId()).singleResult();
    }

    /** Whether the user finds the task in their group's list, as Tasklist asks for it. */
    private boolean inGroupList(String user, String group, Task task) {
        return countAs(user, group, taskService.createTaskQuery().taskCandidateGroup(group).taskId(task.getId())) == 1;
    }

    private boolean readable(String user, String group, Task task) {
        return countAs(user, group, taskService.createTaskQuery().taskId(task.getId())) == 1;
    }

    private long countAs(String user, String group, TaskQuery query) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return query.count();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
