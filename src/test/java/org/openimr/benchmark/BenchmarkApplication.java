package org.openimr.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.openimr.ImrCaseManagementApplication;
import org.openimr.security.Roles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application, in this JVM, on the durable PostgreSQL with its default settings (history FULL,
 * authorization on, the job executor issuing letters, demo users), plus what only the benchmark
 * needs: the bare process deployed beside the IMR case, intake allowed to start it and correlate its
 * records message, and every reviewer's capacity raised so thousands of cases can be open at once.
 */
final class BenchmarkApplication implements AutoCloseable {

    static final int REVIEWERS = 12;
    /** The roster API's upper limit for a reviewer's capacity. */
    private static final int CAPACITY = 500;

    private final ConfigurableApplicationContext context;
    private final StaffClient staff;

    BenchmarkApplication(EmbeddedPostgres postgres, Map<String, Object> extraProperties) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "server.port", "0",
                "server.address", "127.0.0.1",
                "camunda.bpm.job-execution.enabled", "true",
                "logging.level.root", "warn"));
        properties.putAll(extraProperties);
        // As command-line arguments: they outrank the application.yaml files (the test one points at H2).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        this.context = new SpringApplicationBuilder(ImrCaseManagementApplication.class).run(arguments);
        this.staff = new StaffClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), "demo");
        deployBareProcess();
        IntStream.rangeClosed(1, REVIEWERS).forEach(n ->
                staff.patch("supervisor1", "/api/reviewers/reviewer" + n, Map.of("capacity", CAPACITY)));
    }

    StaffClient staff() {
        return staff;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    long databaseBytes() {
        return jdbc().queryForObject("select pg_database_size(current_database())", Long.class);
    }

    /** Bytes on disk of each table of the database, its indexes and TOAST included. */
    Map<String, Long> tableBytes() {
        Map<String, Long> sizes = new java.util.HashMap<>();
        jdbc().query("select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n "
                + "on n.oid = c.relnamespace where c.relkind = 'r' and n.nspname = 'public'",
                row -> { sizes.put(row.getString(1), row.getLong(2)); });
        return sizes;
    }

    String setting(String name) {
        return jdbc().queryForObject("select current_setting(?)", String.class, name);
    }

    long runningInstances(String processKey) {
        return context.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey(processKey).count();
    }

    long incidents() {
        return context.getBean(RuntimeService.class).createIncidentQuery().count();
    }

    private void deployBareProcess() {
        context.getBean(RepositoryService.class).createDeployment().name("benchmark")
                .addClasspathResource("benchmark/bare-case.bpmn").addClasspathResource("benchmark/bare-case-start.form")
                .enableDuplicateFiltering(true).deploy();
        AuthorizationService authorizations = context.getBean(AuthorizationService.class);
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(Roles.INTAKE);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(BareCaseFlow.PROCESS_KEY);
        grant.addPermission(Permissions.READ);
        grant.addPermission(Permissions.CREATE_INSTANCE);
        grant.addPermission(ProcessDefinitionPermissions.READ_INSTANCE);
        grant.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
        authorizations.saveAuthorization(grant);
    }

    @Override
    public void close() {
        context.close();
    }
}
