package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openimr.CaseTest;
import org.openimr.cases.Roles;
import org.openimr.system.OneRuleTable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A model that got into the database behind the deployment guard, as an older version of the
 * application would have left it (a harmless model deployed, then its bytes in the engine's
 * resource table replaced, as nothing checked them before): when it runs, the run-time resolver
 * refuses the call, the job fails into an incident, and the command it carries never runs. Also
 * for a decision table's input expression (JUEL), input entry (legacy FEEL) and output entry.
 */
class ModelBehindTheGuardTest extends CaseTest {

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    private Deployment deployment;

    @AfterEach
    void removeTheDeployment() {
        if (deployment != null) {
            processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aServiceTaskExpressionWrittenIntoTheDatabaseBecomesAnIncidentAndRunsNothing() {
        Path canary = folder.resolve("canary");
        String harmless = process("camunda:expression=\"${execution.getVariable('x')}\"", "");
        String payload = OneRuleTable.xml(HostileModels.runtimeExec(canary.toString()));
        String hostile = process("camunda:expression=\"" + payload + "\"", "");
        assertThatThrownBy(() -> deploy(Map.of("behind.bpmn", hostile))).isInstanceOf(ParseException.class);

        deployment = deploy(Map.of("behind.bpmn", harmless));
        replace("behind.bpmn", hostile);

        ProcessInstance instance = startAndRunItsJob();

        assertIncident(instance, "A model may not call getClass() on java.lang.String");
        assertThat(canary).doesNotExist();
    }

    @Test
    void decisionTableExpressionsWrittenIntoTheDatabaseBecomeIncidentsAndRunNothing() {
        Path canary = folder.resolve("canary");
        String exec = "''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch "
                + canary + "')";
        String caller = process("camunda:decisionRef=\"behindTheGuard\" camunda:mapDecisionResult=\"collectEntries\" "
                + "camunda:resultVariable=\"found\"", "businessRuleTask");
        String[][] hostileParts = {
            {exec, "-", "\"A\""},
            {"x", "cellInput." + exec.substring(3), "\"A\""},
            {"x", "-", exec}};
        for (String[] parts : hostileParts) {
            deployment = deploy(Map.of("behind.bpmn", caller, "behind.dmn", table("x", "-", "\"A\"")));
            replace("behind.dmn", table(parts[0], parts[1], parts[2]));

            ProcessInstance instance = startAndRunItsJob();

            assertIncident(instance, "A model may not call getClass() on java.lang.String");
            assertThat(canary).doesNotExist();
            removeTheDeployment();
            deployment = null;
        }
    }

    @Test
    void aSavedFilterWithACallRunsIntoTheResolverAndTheApplicationsFiltersStillWork() {
        Filter hostile = processEngine.getFilterService().newTaskFilter("hostile filter").setQuery(processEngine
                .getTaskService().createTaskQuery().taskAssigneeExpression("${''.getClass().getName()}"));
        processEngine.getFilterService().saveFilter(hostile);
        try {
            assertThatThrownBy(() -> processEngine.getFilterService().list(hostile.getId()))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasStackTraceContaining("A model may not call getClass() on java.lang.String");
        } finally {
            processEngine.getFilterService().deleteFilter(hostile.getId());
        }
        processEngine.getIdentityService().setAuthentication("admin", List.of(Roles.ADMIN));
        try {
            for (Filter filter : processEngine.getFilterService().createFilterQuery().list()) {
                assertThat(processEngine.getFilterService().count(filter.getId())).as(filter.getName()).isNotNull();
            }
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private Deployment deploy(Map<String, String> resources) {
        var builder = processEngine.getRepositoryService().createDeployment().name("behind-the-guard");
        resources.forEach(builder::addString);
        return builder.deploy();
    }

    /** What an older version left in the engine's resource table, and the caches emptied as after a restart. */
    private void replace(String resource, String content) {
        int rows = jdbc.sql("update ACT_GE_BYTEARRAY set BYTES_ = ? where DEPLOYMENT_ID_ = ? and NAME_ = ?")
                .params(content.getBytes(StandardCharsets.UTF_8), deployment.getId(), resource).update();
        assertThat(rows).isEqualTo(1);
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        configuration.getDeploymentCache().discardProcessDefinitionCache();
        configuration.getDeploymentCache().discardDecisionDefinitionCache();
        configuration.getDeploymentCache().discardDecisionRequirementsDefinitionCache();
    }

    /** Starts the process and runs its one job until its retries are spent. */
    private ProcessInstance startAndRunItsJob() {
        RuntimeService runtime = processEngine.getRuntimeService();
        ProcessInstance instance = runtime.startProcessInstanceByKey("behindTheGuard", Map.of("x", "A"));
        Job job = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .singleResult();
        for (int attempt = 0; attempt < 10 && runtime.createIncidentQuery().processInstanceId(instance.getId())
                .count() == 0; attempt++) {
            try {
                processEngine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException refused) {
                // expected: the job fails each time (the engine's or the decision engine's exception)
            }
        }
        return instance;
    }

    private void assertIncident(ProcessInstance instance, String reason) {
        Incident incident = processEngine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
                .singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Target");
        assertThat(processEngine.getManagementService().getJobExceptionStacktrace(incident.getConfiguration()))
                .contains(reason);
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId("End").count()).isZero();
    }

    private static String process(String targetAttributes, String targetType) {
        String type = targetType.isEmpty() ? "serviceTask" : targetType;
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="BehindTheGuard"
                    targetNamespace="http://openimr.org/test">
                  <process id="behindTheGuard" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="Start"/>
                    <sequenceFlow id="ToTarget" sourceRef="Start" targetRef="Target"/>
                    <%1$s id="Target" camunda:asyncBefore="true" %2$s/>
                    <sequenceFlow id="ToEnd" sourceRef="Target" targetRef="End"/>
                    <endEvent id="End"/>
                  </process>
                </definitions>
                """.formatted(type, targetAttributes);
    }

    private static String table(String inputExpression, String inputEntry, String outputEntry) {
        return OneRuleTable.of("behindTheGuard", inputExpression, inputEntry, outputEntry, "");
    }
}
