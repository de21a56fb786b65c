package org.openimr.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.openimr.cases.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates at start-up, when missing: the groups, the administrator and (default profile only) the
 * demo users; and sets the groups' authorizations to what {@link RoleGrants} declares. The Tasklist
 * filters are org.openimr.sla.TasklistFilters'.
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

    /** Camunda 7's built-in administrators group, named as such whichever engine runs. */
    private static final String CAMUNDA_ADMINISTRATORS = "camunda-admin";

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
        if (group(Roles.ADMIN, "Administrators")) {
            carryOverCamundaAdministrators();
        }
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
        // Members of the administrators group skip only some checks; queries need explicit grants, as Camunda's own set-up gives them.
        for (Resources resource : Resources.values()) {
            grant(Roles.ADMIN, resource, RoleGrants.ANY, Permissions.ALL);
        }
        List<RoleGrants.Grant> grants = RoleGrants.all();
        for (RoleGrants.Grant grant : grants) {
            grant(grant.group(), grant.resource(), grant.resourceId(), grant.permissions());
        }
        // A grant an earlier version declared and this one does not (an analyst's case history) must not live on.
        for (String group : List.of(Roles.INTAKE, Roles.REVIEWER, Roles.SUPERVISOR, Roles.ANALYST)) {
            for (Authorization existing : authorizationService.createAuthorizationQuery().groupIdIn(group).list()) {
                boolean declared = grants.stream().anyMatch(grant -> grant.group().equals(group)
                        && grant.resource().resourceType() == existing.getResourceType()
                        && grant.resourceId().equals(existing.getResourceId()));
                if (!declared && RoleGrants.isRoleWide(existing.getResourceId(), existing.getResourceType())) {
                    authorizationService.deleteAuthorization(existing.getId());
                }
            }
        }
    }

    /** Creates the group if missing; answers whether it did. */
    private boolean group(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return false;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(Roles.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
        identityService.saveGroup(group);
        return true;
    }

    /**
     * A database carried over from Camunda to Operaton (docs/operations.md, "Running on Operaton"): when
     * the engine's administrators group is new there, the members of Camunda's join it, and stay administrators.
     */
    private void carryOverCamundaAdministrators() {
        for (User member : identityService.createUserQuery().memberOfGroup(CAMUNDA_ADMINISTRATORS).list()) {
            identityService.createMembership(member.getId(), Roles.ADMIN);
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

    /** Sets the group's permissions on the resource to exactly these: what an earlier start-up granted more is taken back. */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.setPermissions(new Permission[] {Permissions.NONE});
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
