package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.openimr.ImrCaseManagementApplication;
import org.openimr.cases.Roles;
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

    /** The demo roster's reviewers, reviewer1..reviewer12. */
    static final int DEMO_REVIEWERS = 12;
    /** The roster API's upper limit for a reviewer's capacity. */
    private static final int CAPACITY = 500;
    /** reviewer1..reviewer9 pass every rule; reviewer10..12 each fail one. */
    private static final int QUALIFIED_DEMO_REVIEWERS = 9;

    private final ConfigurableApplicationContext context;
    private final StaffClient staff;

    private final int reviewers;
    private final PostgresCpu postgresCpu;

    /** With {@code reviewers} above the demo roster's 12, the others are added like the demo's qualified ones. */
    BenchmarkApplication(EmbeddedPostgres postgres, Map<String, Object> extraProperties, int reviewers) {
        this.reviewers = Math.max(reviewers, DEMO_REVIEWERS);
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
        this.postgresCpu = new PostgresCpu(setting("data_directory"));
        deployBareProcess();
        IntStream.rangeClosed(1, DEMO_REVIEWERS).forEach(n ->
                staff.patch("supervisor1", "/api/reviewers/reviewer" + n, Map.of("capacity", CAPACITY)));
        IntStream.rangeClosed(DEMO_REVIEWERS + 1, this.reviewers).forEach(this::addReviewer);
    }

    /** A reviewer's user id; those beyond the demo roster are benchmark users with the demo password. */
    static String reviewer(int n) {
        return "reviewer" + n;
    }

    int reviewers() {
        return reviewers;
    }

    /**
     * Adds reviewer n as a user of the reviewer group and, through the roster API, with the
     * specialties of one of the demo roster's nine qualified reviewers (in turn) and no declared ties.
     */
    private void addReviewer(int n) {
        IdentityService identity = context.getBean(IdentityService.class);
        User user = identity.newUser(reviewer(n));
        user.setFirstName("Benchmark");
        user.setLastName("Reviewer " + n);
        user.setPassword(staff.password());
        identity.saveUser(user);
        identity.createMembership(user.getId(), Roles.REVIEWER);
        JsonNode model = staff.get("supervisor1", "/api/reviewers/" + reviewer(1 + (n - 1) % QUALIFIED_DEMO_REVIEWERS));
        List<Map<String, Object>> specialties = new ArrayList<>();
        model.get("specialties").forEach(s -> specialties.add(Map.of("specialty", s.get("specialty").asText(),
                "boardCertified", s.get("boardCertified").asBoolean())));
        staff.post("supervisor1", "/api/reviewers", Map.of("userId", reviewer(n),
                "displayName", "Dr. Benchmark Reviewer " + n,
                "clinicalPracticeSince", model.get("clinicalPracticeSince").asText(),
                "hoursPerWeek", model.get("hoursPerWeek").asInt(), "capacity", CAPACITY,
                "specialties", specialties, "licenceStates", List.of("CA")));
    }

    StaffClient staff() {
        return staff;
    }

    PostgresCpu postgresCpu() {
        return postgresCpu;
    }

    ProcessEngine engine() {
        return context.getBean(ProcessEngine.class);
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

    /**
     * How many times a case of the process wrote each variable, on average over all its ended and running
     * instances (history FULL keeps a detail row for every write), most written first.
     */
    Map<String, Double> variableWritesPerCase(String processKey) {
        Long cases = jdbc().queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = ?", Long.class,
                processKey);
        Map<String, Double> writes = new java.util.LinkedHashMap<>();
        if (cases == null || cases == 0) {
            return writes;
        }
        jdbc().query("select name_, count(*) from act_hi_detail where proc_def_key_ = ? and type_ = 'VariableUpdate' "
                + "group by name_ order by count(*) desc, name_", row -> {
                    writes.put(row.getString(1), row.getLong(2) / (double) cases);
                }, processKey);
        return writes;
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
