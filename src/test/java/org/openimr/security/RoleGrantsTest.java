package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.cases.Roles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Start-up sets each role's grants to exactly what RoleGrants declares: a grant an earlier version
 * made (analysts reading the history of every case) is taken back, while the grants Camunda and the
 * Tasklist filters make on single tasks and filters stay.
 */
class RoleGrantsTest extends CaseTest {

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    UserProvisioning provisioning;

    /** Only these groups' per-task READ is dropped (EngineHardening): they read the tasks anyway. */
    @Test
    void intakeReadsTheCaseTasksByItsRoleSupervisorsEveryTaskReviewersAndAnalystsNone() {
        assertThat(RoleGrants.readsTasksOf(Roles.INTAKE, "imr-case")).isTrue();
        assertThat(RoleGrants.readsTasksOf(Roles.INTAKE, "another-process")).isFalse();
        assertThat(RoleGrants.readsTasksOf(Roles.INTAKE, null)).isFalse();
        assertThat(RoleGrants.readsTasksOf(Roles.SUPERVISOR, "another-process")).isTrue();
        assertThat(RoleGrants.readsTasksOf(Roles.REVIEWER, "imr-case")).isFalse();
        assertThat(RoleGrants.readsTasksOf(Roles.ANALYST, "imr-case")).isFalse();
    }

    @Test
    void startUpTakesBackWhatAnEarlierVersionGrantedAndLeavesTaskAndFilterGrants() {
        Authorization history = authorizations.createAuthorizationQuery().groupIdIn(Roles.ANALYST)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
        history.addPermission(ProcessDefinitionPermissions.READ_HISTORY);
        authorizations.saveAuthorization(history);
        Authorization instances = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        instances.setGroupId(Roles.ANALYST);
        instances.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
        instances.setResourceId("*");
        instances.addPermission(HistoricProcessInstancePermissions.READ);
        authorizations.saveAuthorization(instances);
        Authorization task = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        task.setGroupId(Roles.ANALYST);
        task.setResource(Resources.TASK);
        task.setResourceId("some-task");
        task.addPermission(Permissions.READ);
        authorizations.saveAuthorization(task);
        long filterGrants = authorizations.createAuthorizationQuery().groupIdIn(Roles.ANALYST)
                .resourceType(Resources.FILTER).count();

        provisioning.afterPropertiesSet();

        Authorization definitions = authorizations.createAuthorizationQuery().groupIdIn(Roles.ANALYST)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
        assertThat(definitions.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(definitions.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isFalse();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Roles.ANALYST)
                .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).count()).isZero();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Roles.ANALYST).resourceType(Resources.TASK)
                .resourceId("some-task").count()).isEqualTo(1);
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Roles.ANALYST).resourceType(Resources.FILTER)
                .count()).isEqualTo(filterGrants);
        authorizations.deleteAuthorization(task.getId());
    }
}
