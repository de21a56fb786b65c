package org.openimr.benchmark;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code --sql-profile true}: what each process asks of PostgreSQL per case, from
 * pg_stat_statements, reset before each measured round and read after it, so that the warm-up, the
 * other process and the start-up stay out. Execution and planning times are PostgreSQL's own (lock
 * waits included), per statement as it normalizes them (parameters become $n).
 */
final class StatementProfile {

    /** Calls, execution ms, plans and planning ms of one statement, summed over a process's rounds. */
    private static final class Cost {
        double calls;
        double executionMs;
        double plans;
        double planningMs;

        void add(double calls, double executionMs, double plans, double planningMs) {
            this.calls += calls;
            this.executionMs += executionMs;
            this.plans += plans;
            this.planningMs += planningMs;
        }

        double totalMs() {
            return executionMs + planningMs;
        }
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Map<String, Cost>> byProcess = new LinkedHashMap<>();
    private final Map<String, Integer> casesByProcess = new HashMap<>();

    StatementProfile(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void reset() {
        jdbc.execute("select pg_stat_statements_reset()");
    }

    /** Adds what PostgreSQL ran since the last reset to the process's account, then resets. */
    void collect(String process, int cases) {
        Map<String, Cost> costs = byProcess.computeIfAbsent(process, p -> new HashMap<>());
        jdbc.query("select regexp_replace(query, '\\s+', ' ', 'g'), calls, total_exec_time, plans, total_plan_time "
                + "from pg_stat_statements", row -> {
                    costs.computeIfAbsent(row.getString(1), q -> new Cost()).add(row.getLong(2), row.getDouble(3),
                            row.getLong(4), row.getDouble(5));
                });
        casesByProcess.merge(process, cases, Integer::sum);
        reset();
    }

    void print(int statements) {
        byProcess.forEach((process, costs) -> {
            double cases = casesByProcess.get(process);
            Cost all = new Cost();
            costs.values().forEach(c -> all.add(c.calls, c.executionMs, c.plans, c.planningMs));
            System.out.printf("%n== %s in PostgreSQL, per case (pg_stat_statements): %.1f statements, %.2f ms executing, "
                            + "%.1f plans, %.2f ms planning%n", process, all.calls / cases, all.executionMs / cases,
                    all.plans / cases, all.planningMs / cases);
            System.out.printf("  %8s %8s %8s %8s  %s%n", "calls", "exec ms", "plans", "plan ms", "statement");
            costs.entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue().totalMs(), a.getValue().totalMs()))
                    .limit(statements)
                    .forEach(e -> System.out.printf("  %8.2f %8.3f %8.2f %8.3f  %s%n", e.getValue().calls / cases,
                            e.getValue().executionMs / cases, e.getValue().plans / cases,
                            e.getValue().planningMs / cases, abbreviate(e.getKey())));
        });
    }

    static String abbreviate(String query) {
        return query.length() <= 220 ? query : query.substring(0, 220) + " ...";
    }
}
