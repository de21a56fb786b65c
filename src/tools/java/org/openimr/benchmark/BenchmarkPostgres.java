package org.openimr.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * PostgreSQL 17 (zonky's binaries, no Docker) made durable for the benchmark: zonky turns fsync and
 * synchronous_commit off for tests, which would flatter every commit; here both are on again, with
 * full-page writes, as in production.
 */
final class BenchmarkPostgres {

    private BenchmarkPostgres() {
    }

    /** With {@code statementStatistics}, pg_stat_statements is loaded to find the costly statements. */
    static EmbeddedPostgres start(boolean statementStatistics) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            if (statementStatistics) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                builder.setServerConfig("pg_stat_statements.track_planning", "on");
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }
}
