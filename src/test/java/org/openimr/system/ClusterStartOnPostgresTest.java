package org.openimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openimr.EmbeddedPostgres;
import org.openimr.ImrCaseManagementApplication;
import org.openimr.TestApplications;
import org.openimr.records.DeliveryClient;
import org.openimr.records.TestDocuments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Two application nodes starting at the same moment on one new PostgreSQL database, as a cluster
 * does when it is first installed or restarted after a release: the engine's tables, the models,
 * the groups, users, authorizations, Tasklist filters and the demo roster are each set up once,
 * both nodes serve the same cases (a document delivered through one is read through the other), and
 * a changed model deployed from both nodes at once gets one new version (Camunda's deployment lock
 * with duplicate filtering).
 */
class ClusterStartOnPostgresTest {

    private static final String DATABASE = "cluster_start";

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoNodesStartingTogetherSetUpTheDatabaseOnceAndServeTheSameCases() throws Exception {
        DataSource database = newDatabase();
        startTogether(2);
        JdbcClient jdbc = JdbcClient.create(database);

        assertThat(jdbc.sql("select count(*) from act_re_deployment where name_ = ?")
                .param(ModelDeployment.DEPLOYMENT_NAME).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select version_ from act_re_procdef where key_ = 'imr-case'").query(Integer.class).list())
                .containsExactly(1);
        assertThat(keysWithMoreThanOneRow(jdbc, "act_re_decision_def", "key_")).isEmpty();
        assertThat(keysWithMoreThanOneRow(jdbc, "act_re_camformdef", "key_")).isEmpty();
        assertThat(keysWithMoreThanOneRow(jdbc, "act_ru_filter", "name_")).isEmpty();
        assertThat(jdbc.sql("select name_ from act_ru_filter").query(String.class).list()).containsExactlyInAnyOrder(
                "My tasks", "My group's tasks", "Due within 2 days", "Overdue", "Expedited", "All open tasks",
                "All overdue tasks");
        assertThat(jdbc.sql("select count(*) from act_id_user where id_ like 'reviewer%'").query(Integer.class).single())
                .isEqualTo(12);
        assertThat(jdbc.sql("select count(*) from imr_reviewer").query(Integer.class).single()).isEqualTo(12);
        assertThat(jdbc.sql("select count(*) from imr_reviewer_affiliation").query(Integer.class).single()).isEqualTo(7);

        // Stateless HTTP Basic: a case submitted to one node is read from the other.
        ResponseEntity<JsonNode> submitted = http(nodes.get(0), "intake1").post().uri("/api/cases")
                .contentType(MediaType.APPLICATION_JSON).body(TestApplications.json(TestApplications.seedCase()))
                .retrieve().toEntity(JsonNode.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = submitted.getBody().get("caseNumber").asText();
        JsonNode read = http(nodes.get(1), "supervisor1").get().uri("/api/cases/{n}", caseNumber).retrieve()
                .body(JsonNode.class);
        assertThat(read.get("stage").asText()).isEqualTo("AWAITING_RECORDS");

        // The records' content is in the shared database: delivered through one node, read through the other.
        byte[] report = TestDocuments.pdf(3, caseNumber);
        JsonNode delivered = new DeliveryClient(http(nodes.get(0), "intake1")).deliver(caseNumber,
                List.of(DeliveryClient.Sent.of("report.pdf", report, "Progress report"))).body();
        byte[] readBack = http(nodes.get(1), "supervisor1").get().uri("/api/cases/{n}/documents/{d}/content", caseNumber,
                delivered.at("/files/0/documentId").asLong()).retrieve().body(byte[].class);
        assertThat(readBack).isEqualTo(report);
    }

    @Test
    void aChangedModelDeployedFromTwoNodesAtOnceGetsOneNewVersion() throws Exception {
        DataSource database = newDatabase();
        startTogether(2);
        String changed = Files.readString(Path.of("bpmn/imr-case.bpmn"))
                .replace("camunda:versionTag=\"1.0\"", "camunda:versionTag=\"1.0-cluster\"");

        CountDownLatch ready = new CountDownLatch(nodes.size());
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> deployments = new ArrayList<>();
            for (ConfigurableApplicationContext node : nodes) {
                RepositoryService repository = node.getBean(RepositoryService.class);
                deployments.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return repository.createDeployment().name(ModelDeployment.DEPLOYMENT_NAME).source("application")
                            .enableDuplicateFiltering(true).addString("bpmn/imr-case.bpmn", changed).deploy();
                }));
            }
            for (Future<?> deployment : deployments) {
                deployment.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        JdbcClient jdbc = JdbcClient.create(database);
        assertThat(jdbc.sql("select version_tag_ from act_re_procdef where key_ = 'imr-case' order by version_")
                .query(String.class).list()).containsExactly("1.0", "1.0-cluster");
    }

    @Test
    void aNodeStartingWhileAnotherSetsUpTheDatabaseWaitsForIt() throws Exception {
        DataSource database = newDatabase();
        ClusterStartupLock first = new ClusterStartupLock(database);
        ClusterStartupLock second = new ClusterStartupLock(database);
        first.acquire();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> secondStarts = thread.submit(second::acquire);
            awaitWaitingAdvisoryLock(JdbcClient.create(database));
            assertThat(secondStarts).isNotDone();
            first.release();
            secondStarts.get(1, TimeUnit.MINUTES);
        } finally {
            second.release();
            thread.shutdownNow();
        }
    }

    /** Until PostgreSQL shows a session waiting for an advisory lock: at most a minute. */
    private static void awaitWaitingAdvisoryLock(JdbcClient jdbc) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                    .query(Integer.class).single() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No node waited for the start-up lock");
    }

    /** Starts the nodes from one moment, each on its own port, and waits for all of them. */
    private void startTogether(int count) throws Exception {
        // Nodes in one JVM share Logback: two Spring Boot start-ups configuring it at the same moment
        // trip over each other, so these nodes leave the JVM's logging as it is.
        String loggingSystem = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            startEach(count);
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
            }
        }
    }

    private void startEach(int count) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String[] args = nodeArguments(i);
                Callable<ConfigurableApplicationContext> start = () -> {
                    ready.countDown();
                    ready.await();
                    return new SpringApplicationBuilder(ImrCaseManagementApplication.class).run(args);
                };
                starting.add(threads.submit(start));
            }
            List<Exception> failures = new ArrayList<>();
            for (Future<ConfigurableApplicationContext> node : starting) {
                try {
                    nodes.add(node.get(5, TimeUnit.MINUTES));
                } catch (Exception e) {
                    failures.add(e);
                }
            }
            if (!failures.isEmpty()) {
                AssertionError error = new AssertionError(failures.size() + " of " + count + " nodes failed to start");
                failures.forEach(error::addSuppressed);
                throw error;
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Each node's engine has a name of its own: Camunda keeps engines in a JVM-wide registry by name, and
     * a node closing under the name "default" would take the other test contexts' engine out of it.
     */
    private static String[] nodeArguments(int node) {
        return new String[] {
            "--camunda.bpm.process-engine-name=cluster_node_" + node,
            "--spring.datasource.url=" + EmbeddedPostgres.server().getJdbcUrl("postgres", DATABASE),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=true",
            "--spring.application.name=cluster-node-" + node};
    }

    private static DataSource newDatabase() throws SQLException {
        try (Connection connection = EmbeddedPostgres.server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        return EmbeddedPostgres.server().getDatabase("postgres", DATABASE);
    }

    private static List<Map<String, Object>> keysWithMoreThanOneRow(JdbcClient jdbc, String table, String column) {
        return jdbc.sql("select " + column + ", count(*) from " + table + " group by " + column + " having count(*) > 1")
                .query().listOfRows();
    }

    private static RestClient http(ConfigurableApplicationContext node, String user) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, "demo")).build();
    }
}
