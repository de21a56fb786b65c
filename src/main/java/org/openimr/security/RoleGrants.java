package org.openimr.security;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.openimr.cases.CaseAccess;
import org.openimr.cases.CaseGrants;
import org.openimr.cases.CaseVariables;
import org.openimr.cases.Roles;

/**
 * What each role may do in the process engine, webapps and engine REST API: the authorizations of
 * its group. Case work beyond these comes per task and per case: Camunda grants a task to its
 * candidate group and assignee (READ and TASK_WORK; TASK_WORK alone to a group that reads the task
 * by its role, see {@link #readsTasksOf} and {@link EngineHardening}), and {@link CaseGrants}
 * lets the assigned reviewer read the case's process instance.
 * <ul>
 * <li>intake: Tasklist; start a case (its start form); read the open cases (running process
 * instances) and their tasks, as {@link CaseAccess} lets them; they work the tasks of their
 * candidate group only. Reading the tasks adds nothing to reading the cases (the tasks' variables
 * are the case's), and spares their task list a join with a grant per open task.
 * <li>reviewer: Tasklist; the case model (the diagram Tasklist shows); nothing of any case until
 * one is assigned to them.
 * <li>supervisor: Tasklist and Cockpit; every case, running and in history, its tasks (to read;
 * they work only their own group's tasks) and its decision evaluations; the deployed models; start
 * "Record remand order", the only process they start.
 * <li>analyst: Cockpit; read and deploy models and decision tables; no process instance, task,
 * variable or history of any case (not even decision history: its inputs are case facts), and no
 * deleting of deployments (a cascading delete would remove running cases).
 * <li>administrator (camunda-admin): everything.
 * </ul>
 */
final class RoleGrants {

    /** One group authorization: the group may do these on the resource (an id, or "*" for all). */
    record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
    }

    static final String ANY = "*";

    /** The Tasklist process by which supervisors record a remand order (bpmn/record-remand-order.bpmn). */
    static final String RECORD_REMAND_ORDER = "record-remand-order";

    private RoleGrants() {
    }

    /** Read for every task a case creates (its candidate-group grants), so built once. */
    private static final List<Grant> ALL = declare();

    static List<Grant> all() {
        return ALL;
    }

    private static List<Grant> declare() {
        String process = CaseVariables.PROCESS_KEY;
        return List.of(
                new Grant(Roles.INTAKE, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                new Grant(Roles.INTAKE, Resources.PROCESS_DEFINITION, process, Permissions.READ,
                        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_TASK),
                new Grant(Roles.INTAKE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.READ),

                new Grant(Roles.REVIEWER, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                new Grant(Roles.REVIEWER, Resources.PROCESS_DEFINITION, process, Permissions.READ),

                new Grant(Roles.SUPERVISOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                new Grant(Roles.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
                new Grant(Roles.SUPERVISOR, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                        ProcessDefinitionPermissions.READ_HISTORY),
                new Grant(Roles.SUPERVISOR, Resources.PROCESS_DEFINITION, RECORD_REMAND_ORDER,
                        ProcessDefinitionPermissions.CREATE_INSTANCE),
                new Grant(Roles.SUPERVISOR, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.CREATE),
                new Grant(Roles.SUPERVISOR, Resources.TASK, ANY, Permissions.READ),
                new Grant(Roles.SUPERVISOR, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
                        Permissions.READ_HISTORY),
                new Grant(Roles.SUPERVISOR, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
                new Grant(Roles.SUPERVISOR, Resources.DEPLOYMENT, ANY, Permissions.READ),

                new Grant(Roles.ANALYST, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
                new Grant(Roles.ANALYST, Resources.PROCESS_DEFINITION, ANY, Permissions.READ),
                new Grant(Roles.ANALYST, Resources.DECISION_DEFINITION, ANY, Permissions.READ),
                new Grant(Roles.ANALYST, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
                new Grant(Roles.ANALYST, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE));
    }

    /** Whether the group reads, by its role, the tasks of the process with this key (null: none). */
    static boolean readsTasksOf(String group, String processKey) {
        return all().stream().filter(grant -> grant.group().equals(group)).anyMatch(grant ->
                grant.resource() == Resources.TASK && ANY.equals(grant.resourceId()) && grants(grant, Permissions.READ)
                        || grant.resource() == Resources.PROCESS_DEFINITION && processKey != null
                        && (ANY.equals(grant.resourceId()) || processKey.equals(grant.resourceId()))
                        && grants(grant, ProcessDefinitionPermissions.READ_TASK));
    }

    private static boolean grants(Grant grant, Permission permission) {
        return Arrays.asList(grant.permissions()).contains(permission);
    }

    /**
     * Whether a group authorization is one this class declares the kind of: on every resource
     * ("*"), or on an application, a definition or a deployment by name. Start-up sets those
     * exactly as declared and removes the others, so a grant dropped here is dropped from the
     * database too; a task's or a Tasklist filter's group authorizations are never such.
     */
    static boolean isRoleWide(String resourceId, int resourceType) {
        return ANY.equals(resourceId) || resourceType == Resources.APPLICATION.resourceType()
                || resourceType == Resources.PROCESS_DEFINITION.resourceType()
                || resourceType == Resources.DECISION_DEFINITION.resourceType()
                || resourceType == Resources.DECISION_REQUIREMENTS_DEFINITION.resourceType()
                || resourceType == Resources.DEPLOYMENT.resourceType();
    }
}
