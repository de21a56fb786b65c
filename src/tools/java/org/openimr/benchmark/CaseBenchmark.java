package org.openimr.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The case benchmark (docs/benchmark.md). Starts the application in this JVM on a durable
 * PostgreSQL and drives, over HTTP on loopback, N IMR cases end to end and N cases of a bare
 * process of the same shape, in alternating rounds, and prints throughput, latencies, their ratio,
 * peak heap and database growth per case. With {@code --backlog 1000,5000,20000} it instead leaves
 * that many cases open at mixed stages and times the staff's everyday reads at each size. Not a
 * test: run it with
 * {@code mvn -Pcase-benchmark test-compile exec:java -Dexec.args="--cases 1000"}.
 * Options: --cases N (1000), --warmup N (300 of each process first, not measured), --threads N
 * (4 staff threads), --backlog sizes, --property name=value (an application property, repeatable),
 * --sql-profile true (load pg_stat_statements; print each process's statements per case, or with
 * --backlog the costliest statements of the run),
 * --reviewers N (12, the demo roster; more are added with the demo's specialties), --rounds N (one per
 * 1,000 cases: the measured cases of the two processes run in that many alternating rounds),
 * --in-process true (each round also runs the bare process through the engine's Java API, no HTTP).
 */
final class CaseBenchmark {

    private CaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        HeapSampler heap = new HeapSampler();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(heap::sample, 0, 200, TimeUnit.MILLISECONDS);
        try (EmbeddedPostgres postgres = BenchmarkPostgres.start(options.sqlProfile);
             BenchmarkApplication app = new BenchmarkApplication(postgres, options.properties, options.reviewers)) {
            System.out.printf("%s, %d cores, load average %.2f, max heap %d MB%n", Instant.now(),
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), heap.maxBytes() >> 20);
            System.out.printf("PostgreSQL %s, durable: fsync=%s, synchronous_commit=%s, full_page_writes=%s; "
                            + "history FULL; %d staff threads over HTTP (loopback); %d reviewers; application properties %s%n",
                    app.setting("server_version"), app.setting("fsync"), app.setting("synchronous_commit"),
                    app.setting("full_page_writes"), options.threads, app.reviewers(), options.properties);
            if (options.sqlProfile) {
                app.jdbc().execute("create extension if not exists pg_stat_statements");
            }
            if (options.backlogSizes.isEmpty()) {
                throughput(app, heap, options);
            } else {
                backlog(app, options);
            }
            if (options.sqlProfile && !options.backlogSizes.isEmpty()) {
                printCostliestStatements(app);
            }
        } finally {
            sampler.shutdownNow();
        }
    }

    private static void throughput(BenchmarkApplication app, HeapSampler heap, Options options) throws Exception {
        HttpTaskWork overHttp = new HttpTaskWork(app.staff());
        BenchmarkDriver imr = new BenchmarkDriver(overHttp, new ImrCaseFlow(app.staff()));
        BenchmarkDriver bare = new BenchmarkDriver(overHttp, new BareCaseFlow(app.staff(), "run"));
        EngineTaskWork inEngine = new EngineTaskWork(app.engine());
        BenchmarkDriver engineBare = options.inProcess
                ? new BenchmarkDriver(inEngine, new EngineBareCaseFlow(inEngine, "engine")) : null;
        ThroughputRun runs = new ThroughputRun(app, heap, options.threads);
        if (options.warmup > 0) {
            System.out.printf("Warm-up: %d cases of each process (not counted)%n", options.warmup);
            runs.run(imr.fresh(), "imr-case", 1_000_000, options.warmup);
            runs.run(bare.fresh(), BareCaseFlow.PROCESS_KEY, 1_000_000, options.warmup);
            if (engineBare != null) {
                runs.run(engineBare.fresh(), BareCaseFlow.PROCESS_KEY, 1_000_000, options.warmup);
            }
        }
        // Rounds alternate the two processes, so that the machine's drift (its speed, the database growing)
        // weighs on both alike: run one after the other, the bare process gave 14.8 to 18.7 cases/s on the
        // same code.
        int rounds = Math.max(1, Math.min(options.rounds, options.cases));
        ThroughputRun.Result imrResult = null;
        ThroughputRun.Result bareResult = null;
        ThroughputRun.Result engineResult = null;
        List<Double> roundRatios = new ArrayList<>();
        List<Double> roundCostRatios = new ArrayList<>();
        StatementProfile statements = options.sqlProfile ? new StatementProfile(app.jdbc()) : null;
        for (int round = 0; round < rounds; round++) {
            int first = (int) ((long) options.cases * round / rounds);
            int size = (int) ((long) options.cases * (round + 1) / rounds) - first;
            if (rounds > 1) {
                System.out.printf("Round %d of %d: cases %d to %d of each process%n", round + 1, rounds, first + 1,
                        first + size);
            }
            if (statements != null) {
                statements.reset();
            }
            ThroughputRun.Result imrRound = runs.run(imr, "imr-case", first, size);
            if (statements != null) {
                statements.collect(imrRound.flow(), size);
            }
            ThroughputRun.Result bareRound = runs.run(bare, BareCaseFlow.PROCESS_KEY, first, size);
            if (statements != null) {
                statements.collect(bareRound.flow(), size);
            }
            if (engineBare != null) {
                ThroughputRun.Result engineRound = runs.run(engineBare, BareCaseFlow.PROCESS_KEY, first, size);
                if (statements != null) {
                    statements.collect(engineRound.flow(), size);
                }
                engineResult = engineResult == null ? engineRound : engineResult.plus(engineRound);
            }
            roundRatios.add(imrRound.casesPerSecond() / bareRound.casesPerSecond());
            roundCostRatios.add(cpuPerCase(bareRound) / cpuPerCase(imrRound));
            imrResult = imrResult == null ? imrRound : imrResult.plus(imrRound);
            bareResult = bareResult == null ? bareRound : bareResult.plus(bareRound);
        }
        print(imrResult, app.variableWritesPerCase("imr-case"));
        print(bareResult, app.variableWritesPerCase(BareCaseFlow.PROCESS_KEY));
        if (engineResult != null) {
            print(engineResult, app.variableWritesPerCase(BareCaseFlow.PROCESS_KEY));
        }
        System.out.printf("%nRatio IMR case / bare process: %.2f of the bare throughput (cases/s %.1f / %.1f); "
                        + "CPU per case, this JVM and PostgreSQL: %.0f ms / %.0f ms, a ratio of %.2f%n",
                imrResult.casesPerSecond() / bareResult.casesPerSecond(), imrResult.casesPerSecond(),
                bareResult.casesPerSecond(), 1000 * cpuPerCase(imrResult), 1000 * cpuPerCase(bareResult),
                cpuPerCase(bareResult) / cpuPerCase(imrResult));
        if (rounds > 1) {
            System.out.printf("Ratio in each of the %d rounds, throughput: %s; CPU per case: %s%n", rounds,
                    twoDecimals(roundRatios), twoDecimals(roundCostRatios));
        }
        if (engineResult != null) {
            printEngineBound(imrResult, bareResult, engineResult);
        }
        System.out.printf("Incidents: %d; load average at the end %.2f%n", app.incidents(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (statements != null) {
            statements.print(25);
        }
    }

    /**
     * What HTTP costs the bare process, and the most IMR cases two cores could move if HTTP cost nothing:
     * the engine's own cost of the bare case plus the IMR case's extra over the bare process, on every
     * core kept busy.
     */
    private static void printEngineBound(ThroughputRun.Result imr, ThroughputRun.Result bare,
                                         ThroughputRun.Result engine) {
        double imrExtra = cpuPerCase(imr) - cpuPerCase(bare);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("The bare process in-process: %.1f cases/s, %.0f ms of CPU a case; over HTTP %.0f ms "
                        + "(%.0f ms more). The IMR case's extra over the bare process: %.0f ms. With HTTP free, "
                        + "%d cores would move at most %.1f IMR cases/s (%.0f + %.0f ms a case)%n",
                engine.casesPerSecond(), 1000 * cpuPerCase(engine), 1000 * cpuPerCase(bare),
                1000 * (cpuPerCase(bare) - cpuPerCase(engine)), 1000 * imrExtra, cores,
                cores / (cpuPerCase(engine) + imrExtra), 1000 * cpuPerCase(engine), 1000 * imrExtra);
    }

    private static String twoDecimals(List<Double> ratios) {
        return ratios.stream().map(ratio -> String.format("%.2f", ratio))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static double cpuPerCase(ThroughputRun.Result r) {
        return (r.cpuSeconds() + r.databaseCpuSeconds()) / r.cases();
    }

    private static void print(ThroughputRun.Result r, Map<String, Double> variableWrites) {
        System.out.printf("%n== %s: %d cases, %d tasks in %.1f s%s%n", r.flow(), r.cases(), r.tasks(), r.seconds(),
                r.stillRunning() > 0 ? " (" + r.stillRunning() + " STILL RUNNING after the drain limit)" : "");
        System.out.printf("  cases/s end to end      %.1f%n", r.casesPerSecond());
        System.out.printf("  task completions/s      %.1f%n", r.tasksPerSecond());
        System.out.printf("  case submission         %s%n", r.submissions().summary());
        System.out.printf("  task completion         %s%n", r.completions().summary());
        System.out.printf("  peak heap               %d MB%n", r.peakHeapBytes() >> 20);
        System.out.printf("  database growth / case  %d bytes (%d MB in all)%n", r.databaseBytes() / r.cases(),
                r.databaseBytes() >> 20);
        System.out.printf("  CPU / case              %.0f ms: this JVM %.0f ms (the simulated staff in it), "
                        + "PostgreSQL %.0f ms%n", 1000 * cpuPerCase(r),
                1000 * r.cpuSeconds() / r.cases(), 1000 * r.databaseCpuSeconds() / r.cases());
        System.out.printf("  largest table growth / case:%s%n", r.tableGrowth().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .map(e -> String.format(" %s %d KB", e.getKey(), e.getValue() / r.cases() >> 10))
                .collect(java.util.stream.Collectors.joining(",")));
        System.out.printf("  variable writes / case  %.1f:%s%n",
                variableWrites.values().stream().mapToDouble(Double::doubleValue).sum(),
                variableWrites.entrySet().stream().limit(12)
                        .map(e -> String.format(" %s %.1f", e.getKey(), e.getValue()))
                        .collect(java.util.stream.Collectors.joining(",")));
    }

    private static void backlog(BenchmarkApplication app, Options options) throws Exception {
        BenchmarkDriver imr = new BenchmarkDriver(new HttpTaskWork(app.staff()), new ImrCaseFlow(app.staff()));
        BacklogRun backlog = new BacklogRun(app.staff(), imr, options.threads, app.reviewers());
        for (int size : options.backlogSizes) {
            backlog.growTo(size);
            backlog.measure();  // a first pass warms the queries' code paths; the second is reported
            System.out.printf("%n== %,d open IMR cases (database %d MB, load %.1f)%n", size,
                    app.databaseBytes() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            backlog.measure().forEach(System.out::println);
        }
    }

    /** The statements that took the most of PostgreSQL's time over the whole run (parameters stay $n). */
    private static void printCostliestStatements(BenchmarkApplication app) {
        System.out.printf("%nCostliest statements (pg_stat_statements): total ms, calls, mean ms, rows, statement%n");
        app.jdbc().query("select total_exec_time, calls, mean_exec_time, rows, "
                + "regexp_replace(query, '\\s+', ' ', 'g') as query from pg_stat_statements "
                + "order by total_exec_time desc limit 25", row -> {
                    System.out.printf("%10.0f %8d %8.3f %9d  %s%n", row.getDouble(1), row.getLong(2), row.getDouble(3),
                            row.getLong(4), StatementProfile.abbreviate(row.getString(5)));
                });
    }

    /** The command line. */
    private record Options(int cases, int warmup, int threads, List<Integer> backlogSizes,
                           Map<String, Object> properties, boolean sqlProfile, int reviewers, int rounds,
                           boolean inProcess) {

        static Options parse(String[] args) {
            int cases = 1000;
            int warmup = 300;
            int threads = 4;
            List<Integer> backlog = new ArrayList<>();
            Map<String, Object> properties = new HashMap<>();
            boolean sqlProfile = false;
            int reviewers = BenchmarkApplication.DEMO_REVIEWERS;
            Integer rounds = null;
            boolean inProcess = false;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--cases" -> cases = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--backlog" -> {
                        for (String size : value.split(",")) {
                            backlog.add(Integer.parseInt(size.strip()));
                        }
                    }
                    case "--sql-profile" -> sqlProfile = Boolean.parseBoolean(value);
                    case "--reviewers" -> reviewers = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--in-process" -> inProcess = Boolean.parseBoolean(value);
                    case "--property" -> properties.put(value.substring(0, value.indexOf('=')),
                            value.substring(value.indexOf('=') + 1));
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            // A round of 1,000 cases lasts a minute or more, long beside the few seconds a round's last cases take.
            return new Options(cases, warmup, threads, backlog, properties, sqlProfile, reviewers,
                    rounds != null ? rounds : (cases + 999) / 1000, inProcess);
        }
    }
}
