package org.openimr.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openimr.sla.SlaDeadlinesTest.california;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.Roles;
import org.springframework.beans.factory.annotation.Autowired;

/** The saved Tasklist filters, run as the people of each role run them. */
class SlaTasklistFiltersTest extends CaseTest {

    @Autowired
    FilterService filterService;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @AfterEach
    void reset() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void everyRoleMayReadEveryFilter() {
        for (String name : List.of("My tasks", "My group's tasks", "Due within 2 days", "Overdue", "Expedited")) {
            Filter filter = filter(name);
            for (String group : List.of(Roles.INTAKE, Roles.REVIEWER, Roles.SUPERVISOR, Roles.ANALYST)) {
                assertThat(authorizationService.isUserAuthorized("someone", List.of(group), Permissions.READ,
                        Resources.FILTER, filter.getId())).as("%s reads %s", group, name).isTrue();
            }
        }
    }

    /** A supervisor is a candidate for few tasks; their own filters show every case's, and only theirs. */
    @Test
    void theSupervisorsFiltersShowEveryCasesTasksAndOnlySupervisorsReadThem() {
        ClockUtil.setCurrentTime(Date.from(california(2025, 3, 3, 9, 30)));
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        Task check = cases.task(caseNumber, "CheckRecordsCompletenessTask");

        assertThat(ids("supervisor1", Roles.SUPERVISOR, "My group's tasks")).doesNotContain(check.getId());
        assertThat(ids("supervisor1", Roles.SUPERVISOR, "All open tasks")).contains(check.getId());
        assertThat(ids("supervisor1", Roles.SUPERVISOR, "All overdue tasks")).doesNotContain(check.getId());
        ClockUtil.setCurrentTime(Date.from(check.getDueDate().toInstant().plusSeconds(3600)));
        assertThat(ids("supervisor1", Roles.SUPERVISOR, "All overdue tasks")).contains(check.getId());
        for (String name : List.of("All open tasks", "All overdue tasks")) {
            for (String group : List.of(Roles.INTAKE, Roles.REVIEWER, Roles.ANALYST)) {
                assertThat(authorizationService.isUserAuthorized("someone", List.of(group), Permissions.READ,
                        Resources.FILTER, filter(name).getId())).as("%s reads %s", group, name).isFalse();
            }
        }
    }

    @Test
    void aSupervisorSeesTheOverdueRecordsFollowUpFirstAsDueSoonThenAsOverdue() {
        ClockUtil.setCurrentTime(Date.from(california(2025, 3, 3, 9, 30)));
        String caseNumber = cases.submit(TestApplications.seedCase());
        ClockUtil.setCurrentTime(Date.from(california(2025, 3, 19, 8, 0)));
        cases.runJobs(caseNumber);
        Task followUp = cases.task(caseNumber, "FollowUpOverdueRecordsTask");

        assertThat(ids("supervisor1", Roles.SUPERVISOR, "My group's tasks")).contains(followUp.getId());
        assertThat(ids("supervisor1", Roles.SUPERVISOR, "Due within 2 days")).contains(followUp.getId());
        assertThat(ids("supervisor1", Roles.SUPERVISOR, "Overdue")).doesNotContain(followUp.getId());
        assertThat(ids("intake1", Roles.INTAKE, "Due within 2 days")).doesNotContain(followUp.getId());

        ClockUtil.setCurrentTime(Date.from(california(2025, 3, 20, 8, 0)));
        assertThat(ids("supervisor1", Roles.SUPERVISOR, "Overdue")).contains(followUp.getId());
        assertThat(ids("supervisor1", Roles.SUPERVISOR, "Due within 2 days")).doesNotContain(followUp.getId());
    }

    @Test
    void theExpeditedFilterShowsOnlyExpeditedCasesAndMyTasksShowTheReviewersOwn() {
        ObjectNode expedited = TestApplications.seedCase();
        expedited.put("expedited", true);
        String fast = cases.submit(expedited);
        String regular = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(fast);
        cases.recordsArrive(regular);
        Task fastCheck = cases.task(fast, "CheckRecordsCompletenessTask");
        Task regularCheck = cases.task(regular, "CheckRecordsCompletenessTask");

        List<String> expeditedTasks = ids("intake1", Roles.INTAKE, "Expedited");
        assertThat(expeditedTasks).contains(fastCheck.getId()).doesNotContain(regularCheck.getId());

        cases.recordsComplete(fast);
        Task summary = cases.task(fast, "WriteClinicalSummaryTask");
        assertThat(ids(summary.getAssignee(), Roles.REVIEWER, "My tasks")).contains(summary.getId());
        assertThat(ids(summary.getAssignee(), Roles.REVIEWER, "Expedited")).contains(summary.getId());
    }

    private Filter filter(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult();
    }

    private List<String> ids(String user, String group, String filterName) {
        identityService.setAuthentication(user, List.of(group));
        try {
            List<Task> tasks = filterService.list(filter(filterName).getId());
            return tasks.stream().map(Task::getId).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
