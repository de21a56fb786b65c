package org.openimr.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 17 server (zonky's binaries, no Docker) that keeps what it commits: zonky
 * starts its servers with fsync and synchronous_commit off, this one with both on, as production
 * runs. Its data directory and port stay the same across a restart, so the nodes see the same
 * database come back. {@link #crashAndRestart} stops it the way a crash does (immediate shutdown:
 * no checkpoint, connections cut, recovery from the write-ahead log on start).
 */
public final class DurablePostgres implements AutoCloseable {

    /** The settings that make a commit durable, and the values this server runs with. */
    public static final List<String> DURABILITY_SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    private final Path dataDirectory;
    private final int port;
    private final Path log;
    private EmbeddedPostgres server;

    private DurablePostgres(Path dataDirectory, int port, Path log) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.log = log;
    }

    /**
     * A new server on a new data directory (one left from an earlier run is removed), its output
     * appended to {@code log}.
     */
    public static DurablePostgres start(Path dataDirectory, int port, Path log) throws IOException {
        if (Files.exists(dataDirectory)) {
            try (var paths = Files.walk(dataDirectory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        DurablePostgres postgres = new DurablePostgres(dataDirectory, port, log);
        postgres.server = postgres.builder().start();
        return postgres;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public DataSource dataSource(String database) {
        return server.getDatabase("postgres", database);
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
    }

    /** "fsync=on, synchronous_commit=on, ..." as the running server reports them. */
    public String durability() throws SQLException {
        StringBuilder settings = new StringBuilder();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String name : DURABILITY_SETTINGS) {
                try (ResultSet result = statement.executeQuery("show " + name)) {
                    result.next();
                    settings.append(settings.isEmpty() ? "" : ", ").append(name).append('=').append(result.getString(1));
                }
            }
        }
        return settings.toString();
    }

    /** Stops the server as a crash would, then starts it again on the same data directory and port. */
    public void crashAndRestart() throws IOException, InterruptedException {
        stopImmediately();
        restart();
    }

    /**
     * Immediate shutdown (SIGQUIT to the postmaster, which is what pg_ctl -m immediate sends): every
     * server process quits at once without a checkpoint; the next start recovers from the WAL.
     */
    public void stopImmediately() throws IOException, InterruptedException {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IOException("The server's process is gone already"));
        Process signal = new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster.pid())).start();
        if (signal.waitFor() != 0) {
            throw new IOException("Could not signal the server's process");
        }
        try {
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("The server did not stop within a minute", e);
        }
        // zonky's own close finds the server gone (and says so); it frees the data directory's lock.
        server.close();
    }

    /** Starts the server again on its data directory and port, without initializing it anew. */
    public void restart() throws IOException {
        server = builder().start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** Never cleaned by zonky: its close would remove the data directory that a restart needs. */
    private EmbeddedPostgres.Builder builder() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
        for (String setting : DURABILITY_SETTINGS) {
            builder.setServerConfig(setting, "on");
        }
        return builder;
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }
}
