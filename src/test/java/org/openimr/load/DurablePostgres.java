package org.openimr.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * PostgreSQL 17 (zonky's binaries, no Docker) made durable for the benchmark: zonky turns fsync and
 * synchronous_commit off for tests, which would flatter every commit; here both are on again, with
 * full-page writes, as in production.
 */
final class DurablePostgres {

    private DurablePostgres() {
    }

    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }
}
