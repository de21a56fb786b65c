package org.openimr.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.openimr.ImrCaseManagementApplication;
import org.openimr.cases.DisputedItem;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The guideline benchmark (docs/benchmark.md): evaluates a mixed set of disputed items (every
 * analyst test case of bpmn/guidelines, all categories) and prints evaluations per second,
 * (1) in memory, in the standalone DMN engine with the application's evaluator, on 1 and 2
 * threads; (2) through the application's process engine (DecisionService, history FULL, H2 in
 * memory), as a case's business rule task evaluates; and (3) times an impact analysis over a
 * generated year of items. Not a test: run it with {@code mvn -Pbenchmark test-compile exec:java}.
 * System properties: benchmark.seconds (per measurement, default 10), benchmark.items (impact
 * analysis, default 300000).
 */
final class GuidelineBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GuidelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 10);
        int impactItems = Integer.getInteger("benchmark.items", 300_000);
        List<DisputedItem> items = GuidelineTestCase.all().stream().map(GuidelineTestCase::item).toList();
        System.out.printf("Mixed set: %d disputed items of %d categories; %d cores%n", items.size(),
                items.stream().map(DisputedItem::treatmentCategory).distinct().count(),
                Runtime.getRuntime().availableProcessors());

        DmnEngine dmnEngine = InMemoryGuidelineTables.standaloneEngine(List.of());
        GuidelineEvaluator inMemory = new GuidelineEvaluator(
                InMemoryGuidelineTables.fromFolder(dmnEngine, GuidelineTestCase.FOLDER));
        measure("in memory (standalone DMN engine), warm-up", inMemory, items, 1, seconds);
        measure("in memory (standalone DMN engine)", inMemory, items, 1, seconds);
        measure("in memory (standalone DMN engine)", inMemory, items, 2, seconds);

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ImrCaseManagementApplication.class)
                .properties(Map.of("spring.datasource.url", "jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1",
                        "server.port", "0",
                        "camunda.bpm.job-execution.enabled", "false",
                        "logging.level.root", "warn"))
                .run()) {
            GuidelineEvaluator engine = app.getBean(GuidelineEvaluator.class);
            measure("process engine (DecisionService, history full, H2), warm-up", engine, items, 1, seconds);
            measure("process engine (DecisionService, history full, H2)", engine, items, 1, seconds);
            measure("process engine (DecisionService, history full, H2)", engine, items, 2, seconds);

            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            generatePastItems(jdbc, inMemory, items, impactItems);
            InMemoryGuidelineTables.Builder candidate = new InMemoryGuidelineTables.Builder(dmnEngine);
            try (Stream<Path> models = Files.walk(GuidelineTestCase.FOLDER)) {
                for (Path model : models.filter(f -> f.toString().endsWith(".dmn")).toList()) {
                    try (InputStream in = Files.newInputStream(model)) {
                        candidate.add(in);
                    }
                }
            }
            // The analyst's change: massage limit raised from 6 to 12 visits.
            candidate.add(new ByteArrayInputStream(Files.readString(GuidelineTestCase.FOLDER.resolve("massage.dmn"))
                    .replace("&lt;= 6", "&lt;= 12").replace("&gt; 6", "&gt; 12").getBytes()));
            ImpactAnalysis analysis = app.getBean(ImpactAnalysis.class);
            InMemoryGuidelineTables candidateTables = candidate.build();
            ImpactAnalysis.Report report = analysis.analyse(new GuidelineEvaluator(candidateTables),
                    candidateTables.catalog(), null, null);
            System.out.printf("Impact analysis: %,d items compared, %,d would change (%d transitions), %,d ms%n",
                    report.itemsCompared(), report.itemsChanged(), report.changes().size(), report.elapsedMillis());
            report.changes().stream().limit(3).forEach(change -> System.out.printf("  %,d: %s %s -> %s %s%n",
                    change.items(), change.fromOutcome(), change.fromRuleIds(), change.toOutcome(), change.toRuleIds()));
        }
    }

    private static void measure(String what, GuidelineEvaluator evaluator, List<DisputedItem> items, int threads,
            int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> counts = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 7;
            counts.add(pool.submit(() -> {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long n = 0;
                while (running.get()) {
                    evaluator.evaluate(items.get((int) ((n + offset) % items.size())));
                    n++;
                }
                return new long[] {n, THREADS.getCurrentThreadCpuTime() - cpuStart};
            }));
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        long total = 0;
        long cpuNanos = 0;
        for (Future<long[]> count : counts) {
            total += count.get()[0];
            cpuNanos += count.get()[1];
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        // The CPU-time rate does not depend on what else the machine runs: per busy core.
        System.out.printf("%-58s %d thread(s): %,9.0f evaluations/s (%,d in %.1f s; %,.0f per CPU-second)%n", what,
                threads, total / elapsed, total, elapsed, total / (cpuNanos / 1e9));
    }

    /** A year of past cases: 3 items each, cycling through the mixed set, stored with their recommendation. */
    private static void generatePastItems(JdbcTemplate jdbc, GuidelineEvaluator evaluator, List<DisputedItem> items,
            int count) throws Exception {
        long started = System.nanoTime();
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate received = LocalDate.of(2015, 1, 1);
        int caseCount = (count + 2) / 3;
        Long firstId = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from imr_case", Long.class);
        for (int c = 0; c < caseCount; c++) {
            String caseNumber = "BENCH-" + c;
            cases.add(new Object[] {firstId + c, caseNumber, caseNumber, Date.valueOf(received.plusDays(c % 365)),
                    Date.valueOf(received.plusDays(c % 365)), now});
            for (int i = 0; i < 3 && c * 3 + i < count; i++) {
                DisputedItem item = items.get((c * 3 + i) % items.size());
                Recommendation recommendation = evaluator.evaluate(item);
                rows.add(new Object[] {firstId + c, i + 1, item.requestedTreatment(), item.treatmentCategory(),
                        JSON.writeValueAsString(item), recommendation.outcome().name(),
                        String.join(",", recommendation.ruleIds())});
            }
            if (cases.size() == 5_000 || c == caseCount - 1) {
                jdbc.batchUpdate("""
                        insert into imr_case (id, case_number, application_fingerprint, channel, status, stage, expedited,
                            application_received_date, ur_decision_date, employee_name, employer_name,
                            claims_administrator_name, requesting_physician_name, application_json, created_at, created_by)
                        values (?, ?, ?, 'API', 'DETERMINATION_ISSUED', 'CLOSED', false, ?, ?, 'Benchmark', 'Benchmark',
                            'Benchmark', 'Benchmark', '{}', ?, 'benchmark')""", cases);
                jdbc.batchUpdate("""
                        insert into imr_disputed_item (case_id, item_no, requested_treatment, treatment_category, item_json,
                            recommended_outcome, recommended_rule_ids) values (?, ?, ?, ?, ?, ?, ?)""", rows);
                cases.clear();
                rows.clear();
            }
        }
        System.out.printf("Generated %,d past items in %,d cases (%.1f s)%n", count, caseCount,
                (System.nanoTime() - started) / 1e9);
    }
}
