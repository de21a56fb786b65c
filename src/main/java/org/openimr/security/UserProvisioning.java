package org.openimr.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.openimr.intake.CaseVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates at start-up, when missing: the groups, their authorizations, the administrator and
 * (default profile only) the demo users. The Tasklist filters are org.openimr.sla.TasklistFilters'.
 */
@Component
class UserProvisioning implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(UserProvisioning.class);

    /** Demo users: id, first name, last name, group. Reviewers reviewer1..reviewer12 match the demo roster. */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"intake1", "Irene", "Ortiz", Roles.INTAKE},
            new String[] {"intake2", "Daniel", "Kim", Roles.INTAKE},
            new String[] {"supervisor1", "Sandra", "Whitfield", Roles.SUPERVISOR},
            new String[] {"analyst1", "Arjun", "Mehta", Roles.ANALYST});

    static final int DEMO_REVIEWERS = 12;

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final SecurityProperties properties;

    UserProvisioning(IdentityService identityService, AuthorizationService authorizationService,
            SecurityProperties properties) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        group(Roles.INTAKE, "Intake staff");
        group(Roles.REVIEWER, "Expert reviewers");
        group(Roles.SUPERVISOR, "Supervisors");
        group(Roles.ANALYST, "Process analysts");
        group(Roles.ADMIN, "Administrators");
        grantRoles();
        String adminPassword = properties.admin().password();
        if (adminPassword != null && !adminPassword.isBlank()) {
            user(properties.admin().user(), "System", "Administrator", adminPassword, Roles.ADMIN);
        }
        if (properties.demo().enabled()) {
            String password = properties.demo().password();
            DEMO_USERS.forEach(u -> user(u[0], u[1], u[2], password, u[3]));
            for (int i = 1; i <= DEMO_REVIEWERS; i++) {
                user("reviewer" + i, "Reviewer", String.valueOf(i), password, Roles.REVIEWER);
            }
            log.info("Demo users present: intake1, intake2, reviewer1..reviewer{}, supervisor1, analyst1", DEMO_REVIEWERS);
        }
    }

    private void grantRoles() {
        // Members of camunda-admin skip only some checks; queries need explicit grants, as Camunda's own set-up gives them.
        for (Resources resource : Resources.values()) {
            grant(Roles.ADMIN, resource, "*", Permissions.ALL);
        }
        String process = CaseVariables.PROCESS_KEY;
        for (String group : List.of(Roles.INTAKE, Roles.REVIEWER, Roles.SUPERVISOR, Roles.ANALYST)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        grant(Roles.INTAKE, Resources.PROCESS_DEFINITION, process, Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(Roles.INTAKE, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        for (String group : List.of(Roles.SUPERVISOR, Roles.ANALYST)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, ProcessDefinitionPermissions.READ_HISTORY);
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
        }
        grant(Roles.SUPERVISOR, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK);
        grant(Roles.SUPERVISOR, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
        grant(Roles.SUPERVISOR, Resources.TASK, "*", Permissions.READ, Permissions.UPDATE);
        grant(Roles.SUPERVISOR, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        grant(Roles.SUPERVISOR, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
        grant(Roles.ANALYST, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.DELETE);
        grant(Roles.ANALYST, Resources.DECISION_DEFINITION, "*", Permissions.CREATE_INSTANCE);
    }

    private void group(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Roles.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void user(String id, String firstName, String lastName, String password, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(password);
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
