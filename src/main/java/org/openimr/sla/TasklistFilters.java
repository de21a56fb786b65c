package org.openimr.sla;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.openimr.cases.CaseVariables;
import org.openimr.cases.Roles;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The saved Tasklist filters every role starts from, created or brought up to date at start-up
 * (found by name). Those readable by every role work for any user because they ask for
 * ${currentUser()} and ${currentUserGroups()}; the supervisors' own show every case's tasks, which
 * they oversee (they read every task) but are seldom candidates for. All sort by due date, which is
 * the statutory deadline of the case ({@link TaskDates}).
 */
@Component
class TasklistFilters implements InitializingBean {

    static final String MINE = "My tasks";
    static final String MY_GROUPS = "My group's tasks";
    static final String DUE_SOON = "Due within 2 days";
    static final String OVERDUE = "Overdue";
    static final String EXPEDITED = "Expedited";
    static final String ALL_TASKS = "All open tasks";
    static final String ALL_OVERDUE = "All overdue tasks";

    private static final List<String> READERS = List.of(Roles.INTAKE, Roles.REVIEWER, Roles.SUPERVISOR, Roles.ANALYST);
    private static final List<String> SUPERVISORS = List.of(Roles.SUPERVISOR);

    /** Case variables shown on each task in the list. */
    private static final List<Map<String, String>> SHOWN_VARIABLES = List.of(
            Map.of("name", CaseVariables.CASE_NUMBER, "label", "Case"),
            Map.of("name", CaseVariables.STAGE, "label", "Stage"),
            Map.of("name", SlaVariables.SLA_STATUS, "label", "SLA"),
            Map.of("name", SlaVariables.SLA_DUE_AT_TEXT, "label", "Case due (California time)"));

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void afterPropertiesSet() {
        save(MINE, -10, "Tasks assigned to me, by due date",
                () -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        save(MY_GROUPS, -5, "Unclaimed tasks of my groups, by due date",
                () -> taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned());
        save(DUE_SOON, 0, "My tasks and my groups' tasks due in the next 48 hours",
                () -> mineOrMyGroups().dueAfterExpression("${now()}")
                        .dueBeforeExpression("${dateTime().plusDays(2).toDate()}"));
        save(OVERDUE, 5, "My tasks and my groups' tasks past their due date",
                () -> mineOrMyGroups().dueBeforeExpression("${now()}"));
        save(EXPEDITED, 10, "My tasks and my groups' tasks of expedited cases",
                () -> mineOrMyGroups().processVariableValueEquals(CaseVariables.EXPEDITED, true));
        save(ALL_TASKS, 20, "Every open task of every case, whoever works it", SUPERVISORS,
                taskService::createTaskQuery);
        save(ALL_OVERDUE, 25, "Every task past its due date, whoever works it", SUPERVISORS,
                () -> taskService.createTaskQuery().dueBeforeExpression("${now()}"));
    }

    private TaskQuery mineOrMyGroups() {
        return taskService.createTaskQuery().or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr();
    }

    private void save(String name, int priority, String description, Supplier<TaskQuery> criteria) {
        save(name, priority, description, READERS, criteria);
    }

    private void save(String name, int priority, String description, List<String> readers,
            Supplier<TaskQuery> criteria) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("variables", SHOWN_VARIABLES);
        // Tasks due together (one case's) in the order a person works them: by name, which begins with
        // the activity and then numbers a case's items.
        filter.setQuery(criteria.get().orderByDueDate().asc().orderByTaskName().asc());
        filter.setProperties(properties);
        filterService.saveFilter(filter);
        for (String group : readers) {
            grantRead(group, filter.getId());
        }
    }

    private void grantRead(String group, String filterId) {
        if (authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
                .resourceId(filterId).count() == 0) {
            Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
