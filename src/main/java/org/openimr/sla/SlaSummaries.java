package org.openimr.sla;

import static org.openimr.sla.SlaVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.openimr.intake.CaseVariables;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Service;

/** Computes the SLA summary from the case process's variables (running cases) and history (issued letters). */
@Service
class SlaSummaries {

    static final int CLOSEST = 10;
    /** Stages in the order a case passes them, so the dashboard reads from the start of a case to its end. */
    static final List<String> STAGES = List.of("RECEIVED", "ELIGIBILITY_SCREENING", "AWAITING_RECORDS", "RECORDS_CHECK",
            "REVIEWER_SELECTION", "CLINICAL_SUMMARY", "ITEM_DECISIONS", "LETTER_QA", "LETTER_CORRECTION");
    private static final String[] CASE_VARIABLES = {CaseVariables.CASE_NUMBER, CaseVariables.STAGE,
        CaseVariables.EXPEDITED, SLA_STATUS, SLA_DEADLINE, SLA_DUE_AT, RECORDS_DUE_AT, RECORDS_DAYS_LATE};
    private static final int ID_CHUNK = 500;

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;

    SlaSummaries(RuntimeService runtimeService, HistoryService historyService, RepositoryService repositoryService) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
    }

    SlaSummary summary(int windowDays) {
        Instant now = CaseClock.now();
        List<CaseState> open = openCases();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (SlaStatus status : SlaStatus.values()) {
            byStatus.put(status.name(), (int) open.stream().filter(c -> c.status() == status).count());
        }
        List<SlaSummary.CaseAtDeadline> closest = open.stream().filter(c -> c.dueAt() != null)
                .sorted(Comparator.comparing(CaseState::dueAt)).limit(CLOSEST).map(c -> c.atDeadline(now)).toList();
        int penalties = open.stream().mapToInt(c -> c.penaltyAccrued(now)).sum();
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(CaseVariables.PROCESS_KEY).latestVersion().singleResult();
        return new SlaSummary(now, definition == null ? null : definition.getId(), open.size(), byStatus,
                byStage(open), closest, penalties, determinationAge(now, windowDays));
    }

    private List<CaseState> openCases() {
        Map<String, Map<String, Object>> byInstance = new HashMap<>();
        for (VariableInstance variable : runtimeService.createVariableInstanceQuery().variableNameIn(CASE_VARIABLES)
                .list()) {
            // Process-level variables only: a sub-process's local variable of the same name is not the case's.
            if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
                byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        List<CaseState> cases = new ArrayList<>();
        byInstance.forEach((instanceId, values) -> {
            if (values.get(SLA_STATUS) != null && values.get(CaseVariables.CASE_NUMBER) != null) {
                cases.add(CaseState.of(instanceId, values));
            }
        });
        return cases;
    }

    private static List<SlaSummary.StageRow> byStage(List<CaseState> open) {
        List<String> stages = new ArrayList<>(STAGES);
        open.stream().map(CaseState::stage).filter(s -> !stages.contains(s)).distinct().sorted().forEach(stages::add);
        List<SlaSummary.StageRow> rows = new ArrayList<>();
        for (String stage : stages) {
            List<CaseState> inStage = open.stream().filter(c -> stage.equals(c.stage())).toList();
            if (!inStage.isEmpty()) {
                rows.add(new SlaSummary.StageRow(stage, count(inStage, SlaStatus.ON_TRACK),
                        count(inStage, SlaStatus.AT_RISK), count(inStage, SlaStatus.BREACHED), inStage.size()));
            }
        }
        return rows;
    }

    private static int count(List<CaseState> cases, SlaStatus status) {
        return (int) cases.stream().filter(c -> c.status() == status).count();
    }

    private SlaSummary.DeterminationAge determinationAge(Instant now, int windowDays) {
        Date from = CaseClock.toDate(now.minus(Duration.ofDays(windowDays)));
        List<String> ids = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CaseVariables.PROCESS_KEY)
                .variableValueGreaterThanOrEqual(DETERMINATION_ISSUED_AT, from)
                .variableValueLessThanOrEqual(DETERMINATION_ISSUED_AT, CaseClock.toDate(now))
                .list().stream().map(HistoricProcessInstance::getId).toList();
        Map<String, Map<String, Object>> byInstance = new HashMap<>();
        for (int i = 0; i < ids.size(); i += ID_CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + ID_CHUNK));
            for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(chunk.toArray(String[]::new))
                    .variableNameIn(RECORDS_COMPLETE_AT, DETERMINATION_ISSUED_AT, DETERMINATION_LATE).list()) {
                byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        long totalMillis = 0;
        int measured = 0;
        int late = 0;
        for (Map<String, Object> values : byInstance.values()) {
            if (values.get(RECORDS_COMPLETE_AT) instanceof Date complete
                    && values.get(DETERMINATION_ISSUED_AT) instanceof Date issued) {
                totalMillis += issued.getTime() - complete.getTime();
                measured++;
            }
            if (Boolean.TRUE.equals(values.get(DETERMINATION_LATE))) {
                late++;
            }
        }
        Double average = measured == 0 ? null
                : Math.round(totalMillis / (double) measured / Duration.ofDays(1).toMillis() * 10) / 10.0;
        return new SlaSummary.DeterminationAge(windowDays, byInstance.size(), average, late);
    }

    /** One open case as the summary needs it. */
    record CaseState(String processInstanceId, String caseNumber, String stage, SlaStatus status, String deadline,
            Instant dueAt, boolean expedited, Instant recordsDueAt, int recordsDaysLate) {

        static CaseState of(String processInstanceId, Map<String, Object> values) {
            return new CaseState(processInstanceId, (String) values.get(CaseVariables.CASE_NUMBER),
                    values.get(CaseVariables.STAGE) == null ? "RECEIVED" : values.get(CaseVariables.STAGE).toString(),
                    SlaStatus.valueOf(values.get(SLA_STATUS).toString()), (String) values.get(SLA_DEADLINE),
                    instant(values.get(SLA_DUE_AT)), Boolean.TRUE.equals(values.get(CaseVariables.EXPEDITED)),
                    instant(values.get(RECORDS_DUE_AT)),
                    values.get(RECORDS_DAYS_LATE) instanceof Number days ? days.intValue() : 0);
        }

        /** Recorded late days plus, while the records are still owed, the days they are late so far. */
        int penaltyAccrued(Instant now) {
            int owedDays = RECORDS.equals(deadline) ? LateRecordsPenalty.daysLate(recordsDueAt, now) : 0;
            return LateRecordsPenalty.dollars(recordsDaysLate + owedDays);
        }

        SlaSummary.CaseAtDeadline atDeadline(Instant now) {
            long hoursLeft = Math.floorDiv(Duration.between(now, dueAt).toMinutes(), 60);
            return new SlaSummary.CaseAtDeadline(caseNumber, processInstanceId, stage, status.name(), deadline, dueAt,
                    hoursLeft, expedited, penaltyAccrued(now));
        }

        private static Instant instant(Object value) {
            return value instanceof Date date ? date.toInstant() : null;
        }
    }
}
