package org.openimr.cluster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.openimr.load.AppNode;
import org.openimr.load.DurablePostgres;
import org.openimr.load.HttpCaseDriver;
import org.openimr.load.HttpCaseDriver.CaseRun;
import org.openimr.load.LoadApplications;
import org.openimr.load.Nodes;
import org.slf4j.LoggerFactory;

/**
 * The fault test (docs/operations.md, Fault test): a durable PostgreSQL and two application nodes
 * started together as separate processes from the built jar; cases driven end to end through the
 * HTTP API on both nodes by simulated staff, every sixth issued case remanded and reviewed again;
 * one node killed with SIGKILL several times while cases are in flight and started again; PostgreSQL stopped as in a crash and started again once; then
 * every submitted case checked in the database. Prints a report (also written to
 * {@code <work-dir>/report.txt}); exits 1 when a case was lost, a letter or case duplicated, an
 * incident is left or a fault step failed, 2 when the run itself could not be carried out.
 * <pre>
 * java -cp &lt;test classpath&gt; org.openimr.cluster.FaultTestCommand --jar target/imr-case-management-*.jar
 *      [--cases 300] [--kills 3] [--workers 6] [--work-dir target/fault-test] [--timeout-minutes 60]
 * </pre>
 */
public final class FaultTestCommand {

    record Options(Path jar, int cases, int kills, int workers, Path workDirectory, Duration timeout) {

        static Options parse(String[] args) {
            Path jar = null;
            int cases = 300;
            int kills = 3;
            int workers = 6;
            Path workDirectory = Path.of("target", "fault-test");
            Duration timeout = Duration.ofMinutes(60);
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--jar" -> jar = Path.of(value);
                    case "--cases" -> cases = Integer.parseInt(value);
                    case "--kills" -> kills = Integer.parseInt(value);
                    case "--workers" -> workers = Integer.parseInt(value);
                    case "--work-dir" -> workDirectory = Path.of(value);
                    case "--timeout-minutes" -> timeout = Duration.ofMinutes(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (jar == null || !Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("--jar must name the built application jar (mvn -DskipTests package)");
            }
            if (cases < 10 * (kills + 2)) {
                throw new IllegalArgumentException("Give at least 10 cases per fault: --cases " + 10 * (kills + 2));
            }
            return new Options(jar, cases, kills, workers, workDirectory, timeout);
        }
    }

    private static final Duration NODE_DOWN = Duration.ofSeconds(3);
    private static final Duration DATABASE_DOWN = Duration.ofSeconds(5);
    private static final Duration START_UP = Duration.ofMinutes(5);
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(2);
    private static final String DATABASE = "imr";
    /** Every sixth case, once its letter is issued, is remanded for a new review of its first item. */
    private static final int REMAND_EVERY = 6;
    /** The billing policy the nodes run with and the audit checks: a remand's review gets its own invoice (the default). */
    private static final boolean REMAND_INVOICED = true;
    private static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");
    private static final String PASSWORD = "demo";

    private final Options options;
    private final Instant began = Instant.now();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicBoolean driversStopped = new AtomicBoolean();
    private final AtomicReference<Instant> databaseBack = new AtomicReference<>();
    private final AtomicReference<Duration> databaseRecovery = new AtomicReference<>();
    private final RequestCounts requests = new RequestCounts(2);

    private FaultTestCommand(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        quietLibraries();
        int exit;
        try {
            exit = new FaultTestCommand(Options.parse(args)).run();
        } catch (Exception e) {
            System.err.println("The fault test could not be carried out: " + e);
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    private int run() throws Exception {
        Files.createDirectories(options.workDirectory());
        for (String earlier : List.of("node1.log", "node2.log", "postgres.log", "report.txt")) {
            Files.deleteIfExists(options.workDirectory().resolve(earlier));
        }
        try (DurablePostgres postgres = DurablePostgres.start(options.workDirectory().resolve("postgres"), freePort(),
                options.workDirectory().resolve("postgres.log"))) {
            postgres.createDatabase(DATABASE);
            String setting = "2 nodes (separate processes, " + options.jar().getFileName() + "), PostgreSQL 17 on "
                    + "loopback with " + postgres.durability() + "; " + options.cases() + " cases by "
                    + options.workers() + " simulated staff; " + options.kills() + " node kills (SIGKILL), "
                    + "1 database crash and restart";
            System.out.println("Fault test: " + setting);
            List<AppNode> nodes = List.of(node(1, postgres), node(2, postgres));
            try {
                startTogether(nodes);
                FaultPlan plan = plan(nodes, postgres);
                List<CaseAudit.Submitted> submitted = drive(nodes, plan);
                CaseAudit audit = new CaseAudit(postgres.dataSource(DATABASE), REMAND_INVOICED);
                CaseAudit.Result result = audit.audit(submitted);
                reportJobExecutorRecovery(audit, plan);
                FaultReport report = new FaultReport(setting, result, plan, databaseRecovery.get(), requests,
                        Duration.between(began, Instant.now()));
                report.print(options.workDirectory().resolve("report.txt"));
                return report.exitCode();
            } finally {
                for (AppNode node : nodes) {
                    node.stop();
                }
            }
        }
    }

    private AppNode node(int number, DurablePostgres postgres) throws IOException {
        return new AppNode(number, options.jar(), freePort(), List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(DATABASE),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--imr.billing.remand-invoiced=" + REMAND_INVOICED),
                options.workDirectory().resolve("node" + number + ".log"));
    }

    /** Both nodes from one moment on the new database: the first start-up of a cluster. */
    private void startTogether(List<AppNode> nodes) throws Exception {
        Instant starting = Instant.now();
        for (AppNode node : nodes) {
            node.start();
        }
        for (AppNode node : nodes) {
            if (!node.awaitReady(START_UP)) {
                throw new IllegalStateException("Node " + node.number() + " did not start; see its log in "
                        + options.workDirectory());
            }
        }
        System.out.println("   both nodes started together on the new database and ready after "
                + FaultReport.seconds(Duration.between(starting, Instant.now())));
    }

    /**
     * The kills, alternating between the nodes, with the database restart in the middle, spread evenly
     * over the cases; cases a little further on wait for each to be over.
     */
    private FaultPlan plan(List<AppNode> nodes, DurablePostgres postgres) {
        FaultPlan plan = new FaultPlan();
        int faults = options.kills() + 1;
        int spacing = options.cases() / (faults + 1);
        int lead = Math.min(2 * options.workers(), spacing / 2);
        int kill = 0;
        for (int step = 1; step <= faults; step++) {
            int trigger = step * spacing;
            if (step == (faults + 1) / 2) {
                plan.add(trigger, trigger + lead, () -> restartDatabase(nodes, postgres));
            } else {
                AppNode node = nodes.get(kill++ % 2 == 0 ? 1 : 0);
                plan.add(trigger, trigger + lead, () -> killAndRestart(node));
            }
        }
        return plan;
    }

    /** Strikes while the node registers an application, if one comes within seconds: that submission loses its answer. */
    private String killAndRestart(AppNode node) throws Exception {
        boolean registering = requests.awaitSubmissionInHand(node.number() - 1, Duration.ofSeconds(10));
        int casesStarted = started.get();
        Instant killed = Instant.now();
        node.kill();
        Thread.sleep(NODE_DOWN.toMillis());
        node.start();
        if (!node.awaitReady(START_UP)) {
            throw new IllegalStateException("node " + node.number() + " did not come back");
        }
        return String.format(Locale.ROOT, "node %d killed (SIGKILL) at %s with %d cases started%s; down %s, ready "
                + "again %s after the kill", node.number(), at(killed), casesStarted,
                registering ? ", while it registered an application" : "",
                FaultReport.seconds(NODE_DOWN), FaultReport.seconds(Duration.between(killed, Instant.now())));
    }

    private String restartDatabase(List<AppNode> nodes, DurablePostgres postgres) throws Exception {
        int casesStarted = started.get();
        Instant stopped = Instant.now();
        postgres.stopImmediately();
        Thread.sleep(DATABASE_DOWN.toMillis());
        postgres.restart();
        Instant back = Instant.now();
        databaseBack.set(back);
        ExecutorService probes = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Duration>> recoveries = new ArrayList<>();
            for (AppNode node : nodes) {
                recoveries.add(probes.submit(() -> firstAnswer(node, back)));
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "PostgreSQL stopped as in a crash (immediate shutdown) at %s with %d cases started, down %s; "
                            + "the nodes answered again after it was back:", at(stopped), casesStarted,
                    FaultReport.seconds(Duration.between(stopped, back))));
            Duration slowest = Duration.ZERO;
            for (int i = 0; i < nodes.size(); i++) {
                Duration recovery = recoveries.get(i).get();
                slowest = recovery.compareTo(slowest) > 0 ? recovery : slowest;
                line.append(" node ").append(nodes.get(i).number()).append(' ').append(FaultReport.seconds(recovery));
            }
            databaseRecovery.set(slowest);
            return line.toString();
        } finally {
            probes.shutdownNow();
        }
    }

    /** How long after {@code since} the node first answers a request that reads the database. */
    private static Duration firstAnswer(AppNode node, Instant since) throws InterruptedException {
        Nodes probe = new Nodes(List.of(node.base()), PASSWORD, Duration.ofSeconds(5), Nodes.Observer.NONE);
        Instant deadline = since.plus(RECOVERY_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (probe.get("probe", "supervisor1", "/api/reviewers").ok()) {
                    return Duration.between(since, Instant.now());
                }
            } catch (Nodes.NoAnswer notYet) {
                // Still recovering.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("node " + node.number() + " did not answer within "
                + RECOVERY_LIMIT.toSeconds() + " s of the database's return");
    }

    private List<CaseAudit.Submitted> drive(List<AppNode> nodes, FaultPlan plan) throws Exception {
        Nodes api = new Nodes(nodes.stream().map(AppNode::base).toList(), PASSWORD, Duration.ofSeconds(60), requests);
        HttpCaseDriver driver = new HttpCaseDriver(api, Duration.ofMillis(250));
        LoadApplications applications = new LoadApplications("F" + began.getEpochSecond(), 9, 20);
        Instant deadline = began.plus(options.timeout());
        ConcurrentLinkedQueue<CaseAudit.Submitted> submitted = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();

        ExecutorService faults = Executors.newSingleThreadExecutor();
        Future<?> injecting = faults.submit(() -> {
            plan.run(started::get, driversStopped::get);
            return null;
        });
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(() -> System.out.printf(Locale.ROOT, "   %s: %d cases started, %d closed; %s%n",
                at(Instant.now()), started.get(), closed.get(), requests.brief()), 10, 10, TimeUnit.SECONDS);
        ExecutorService drivers = Executors.newFixedThreadPool(options.workers());
        try {
            List<Future<?>> working = new ArrayList<>();
            for (int w = 0; w < options.workers(); w++) {
                working.add(drivers.submit(() -> {
                    for (int n = next.incrementAndGet(); n <= options.cases(); n = next.incrementAndGet()) {
                        plan.gate(n);
                        started.incrementAndGet();
                        ObjectNode application = applications.application(n);
                        CaseRun run = driver.drive(application, deadline);
                        CaseRun remand = n % REMAND_EVERY == REMAND_EVERY / 2 && "DETERMINATION_ISSUED".equals(run.status())
                                ? driver.remand(run.caseNumber(), LocalDate.now(CALIFORNIA), deadline) : null;
                        submitted.add(new CaseAudit.Submitted(application.at("/employee/name").asText(), run, remand));
                        closed.addAndGet(run.closed() ? 1 : 0);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : working) {
                worker.get();
            }
        } finally {
            driversStopped.set(true);
            plan.release();
            drivers.shutdownNow();
            progress.shutdownNow();
        }
        injecting.get();
        faults.shutdownNow();
        return List.copyOf(submitted);
    }

    /** When a job executor first issued a letter after the database came back. */
    private void reportJobExecutorRecovery(CaseAudit audit, FaultPlan plan) {
        Instant back = databaseBack.get();
        if (back != null) {
            Instant first = audit.firstIssuedAfter(back);
            plan.report("first letter issued after the database was back: "
                    + (first == null ? "none" : FaultReport.seconds(Duration.between(back, first)) + " later"));
        }
    }

    private String at(Instant moment) {
        return "+" + FaultReport.seconds(Duration.between(began, moment));
    }

    /**
     * The command's own lines are the report; the libraries' logs would bury them. zonky reports as an
     * error that the server it wants to stop after the crash is not running, which is expected there.
     */
    private static void quietLibraries() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.OFF);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
