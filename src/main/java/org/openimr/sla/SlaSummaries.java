package org.openimr.sla;

import static org.openimr.sla.SlaVariables.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.openimr.cases.CaseLabels;
import org.openimr.cases.CaseVariables;
import org.openimr.system.CaseClock;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes the SLA summary from the case registry, which keeps each case's running deadline
 * ({@link SlaRecord}): counts and the closest deadlines are SQL aggregates over an index, so the
 * summary costs about the same with 100 or 20,000 open cases.
 */
@Service
class SlaSummaries {

    static final int CLOSEST = 10;
    /** Stages in the order a case passes them, so the dashboard reads from the start of a case to its end. */
    static final List<String> STAGES = List.of("SCREENING", "AWAITING_INFORMATION", "DEFERRED", "AWAITING_RECORDS", "RECORDS_CHECK",
            "REVIEWER_SELECTION", "CLINICAL_SUMMARY", "ITEM_DECISIONS", "LETTER_QA", "LETTER_CORRECTION");
    private static final String CASE_STATE_COLUMNS = """
            case_number, process_instance_id, stage, sla_status, sla_deadline, sla_due_at, expedited,
            records_due_at, records_days_late""";
    /** Open cases with a deadline running: a clean application's automatic screening starts none. */
    private static final String OPEN_WITH_DEADLINE = "status = 'OPEN' and sla_status is not null";

    private final JdbcClient jdbc;
    private final RepositoryService repositoryService;

    SlaSummaries(JdbcClient jdbc, RepositoryService repositoryService) {
        this.jdbc = jdbc;
        this.repositoryService = repositoryService;
    }

    SlaSummary summary(int windowDays) {
        Instant now = CaseClock.now();
        Map<String, Map<SlaStatus, Integer>> byStageAndStatus = new HashMap<>();
        jdbc.sql("select stage, sla_status, count(*) from imr_case where " + OPEN_WITH_DEADLINE
                + " group by stage, sla_status")
                .query((RowCallbackHandler) rs -> byStageAndStatus.computeIfAbsent(rs.getString(1), stage -> new HashMap<>())
                        .merge(SlaStatus.valueOf(rs.getString(2)), rs.getInt(3), Integer::sum));
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (SlaStatus status : SlaStatus.values()) {
            byStatus.put(status.name(), byStageAndStatus.values().stream()
                    .mapToInt(counts -> counts.getOrDefault(status, 0)).sum());
        }
        int open = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        List<SlaSummary.CaseAtDeadline> closest = jdbc.sql("select " + CASE_STATE_COLUMNS + " from imr_case where "
                + OPEN_WITH_DEADLINE + " and sla_due_at is not null order by sla_due_at, case_number fetch first "
                + CLOSEST + " rows only")
                .query((rs, n) -> CaseState.of(rs)).list().stream().map(c -> c.atDeadline(now)).toList();
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(CaseVariables.PROCESS_KEY).latestVersion().singleResult();
        return new SlaSummary(now, definition == null ? null : definition.getId(), open, byStatus,
                byStage(byStageAndStatus), closest, penalties(now), determinationAge(now, windowDays),
                CaseLabels.all());
    }

    /** Only cases whose records came or are late carry a penalty: a few, however large the backlog. */
    private int penalties(Instant now) {
        return jdbc.sql("select " + CASE_STATE_COLUMNS + " from imr_case where " + OPEN_WITH_DEADLINE
                + " and (records_days_late > 0 or (sla_deadline = :records and records_due_at < :now))")
                .param("records", RECORDS).param("now", Timestamp.from(now))
                .query((rs, n) -> CaseState.of(rs)).list().stream().mapToInt(c -> c.penaltyAccrued(now)).sum();
    }

    private static List<SlaSummary.StageRow> byStage(Map<String, Map<SlaStatus, Integer>> byStageAndStatus) {
        List<String> stages = new ArrayList<>(STAGES);
        byStageAndStatus.keySet().stream().filter(s -> !stages.contains(s)).sorted().forEach(stages::add);
        List<SlaSummary.StageRow> rows = new ArrayList<>();
        for (String stage : stages) {
            Map<SlaStatus, Integer> counts = byStageAndStatus.get(stage);
            if (counts != null) {
                int onTrack = counts.getOrDefault(SlaStatus.ON_TRACK, 0);
                int atRisk = counts.getOrDefault(SlaStatus.AT_RISK, 0);
                int breached = counts.getOrDefault(SlaStatus.BREACHED, 0);
                rows.add(new SlaSummary.StageRow(stage, onTrack, atRisk, breached, onTrack + atRisk + breached));
            }
        }
        return rows;
    }

    /** A month of letters is at most some 21,000 rows of three columns: read them, no vendor date arithmetic. */
    private SlaSummary.DeterminationAge determinationAge(Instant now, int windowDays) {
        LetterAges ages = new LetterAges();
        jdbc.sql("""
                select records_complete_at, determination_issued_at, determination_late from imr_case
                where determination_issued_at >= :from and determination_issued_at <= :now""")
                .param("from", Timestamp.from(now.minus(Duration.ofDays(windowDays))))
                .param("now", Timestamp.from(now))
                .query((RowCallbackHandler) rs -> ages.add(rs.getTimestamp(1), rs.getTimestamp(2), rs.getBoolean(3)));
        Double average = ages.measured == 0 ? null
                : Math.round(ages.millis / (double) ages.measured / Duration.ofDays(1).toMillis() * 10) / 10.0;
        return new SlaSummary.DeterminationAge(windowDays, ages.issued, average, ages.late);
    }

    private static final class LetterAges {
        int issued;
        int measured;
        int late;
        long millis;

        void add(Timestamp recordsComplete, Timestamp issuedAt, boolean issuedLate) {
            issued++;
            if (recordsComplete != null) {
                measured++;
                millis += issuedAt.getTime() - recordsComplete.getTime();
            }
            if (issuedLate) {
                late++;
            }
        }
    }

    /** One open case as the summary needs it. */
    record CaseState(String processInstanceId, String caseNumber, String stage, SlaStatus status, String deadline,
            Instant dueAt, boolean expedited, Instant recordsDueAt, int recordsDaysLate) {

        static CaseState of(ResultSet rs) throws SQLException {
            return new CaseState(rs.getString("process_instance_id"), rs.getString("case_number"),
                    rs.getString("stage"), SlaStatus.valueOf(rs.getString("sla_status")), rs.getString("sla_deadline"),
                    instant(rs.getTimestamp("sla_due_at")), rs.getBoolean("expedited"),
                    instant(rs.getTimestamp("records_due_at")), rs.getInt("records_days_late"));
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

        private static Instant instant(Timestamp value) {
            return value == null ? null : value.toInstant();
        }
    }
}
