package org.openimr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;

/**
 * Where a case's process instance waits and which activities it has passed, asserted through the
 * engine's public runtime and history services (history level FULL): the same tests run on
 * Camunda 7 and on Operaton, whose assertion library the project's Maven registry does not serve
 * (docs/operations.md, "Running on Operaton").
 */
public final class CaseProgress {

    private final String processInstanceId;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    CaseProgress(String processInstanceId, RuntimeService runtimeService, HistoryService historyService) {
        this.processInstanceId = processInstanceId;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** The instance is running and waits at every one of these activities (maybe at others too). */
    public CaseProgress isWaitingAt(String... activityIds) {
        assertThat(running()).as("process instance %s is running", processInstanceId).isTrue();
        assertThat(runtimeService.getActiveActivityIds(processInstanceId))
                .as("activities process instance %s waits at", processInstanceId).contains(activityIds);
        return this;
    }

    /** Each of these activities has been completed at least once. */
    public CaseProgress hasPassed(String... activityIds) {
        assertThat(passed()).as("activities process instance %s has passed", processInstanceId).contains(activityIds);
        return this;
    }

    /** None of these activities has been completed. */
    public CaseProgress hasNotPassed(String... activityIds) {
        assertThat(passed()).as("activities process instance %s has passed", processInstanceId)
                .doesNotContain(activityIds);
        return this;
    }

    /** The instance has ended: it is gone from the runtime and its history has an end time. */
    public CaseProgress isEnded() {
        assertThat(running()).as("process instance %s is running", processInstanceId).isFalse();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getEndTime()).as("end time of process instance %s", processInstanceId).isNotNull();
        return this;
    }

    private boolean running() {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 1;
    }

    private List<String> passed() {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished()
                .list().stream().map(HistoricActivityInstance::getActivityId).toList();
    }
}
