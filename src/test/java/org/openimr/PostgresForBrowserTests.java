package org.openimr;

import java.io.IOException;

/**
 * A real PostgreSQL for the browser tests (src/test/browser/): the same zonky server the Java
 * tests use, started in a JVM of its own. Prints the JDBC URL on one line, then runs until its
 * standard input closes or it is told to stop, and stops PostgreSQL with it.
 */
public final class PostgresForBrowserTests {

    private PostgresForBrowserTests() {
    }

    public static void main(String[] args) throws IOException {
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = EmbeddedPostgres.server();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }));
        System.out.println(server.getJdbcUrl("postgres", "postgres"));
        System.out.flush();
        // The browser suite holds our standard input open; its end (even a crash) ends PostgreSQL.
        while (System.in.read() != -1) {
            // nothing to read: the suite never writes
        }
        System.exit(0);
    }
}
