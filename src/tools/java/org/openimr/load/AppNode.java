package org.openimr.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the built jar in an OS process of its own, listening on loopback only,
 * its output appended to a log file. {@link #kill} ends it with SIGKILL, as a crash or an out-of-memory
 * kill would: no shutdown hooks, open transactions and locked jobs left behind.
 */
public final class AppNode {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final int number;
    private final Path jar;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    /**
     * @param arguments Spring Boot arguments besides the port and address, e.g. the datasource
     * @param log       the node's output, appended over restarts
     */
    public AppNode(int number, Path jar, int port, List<String> arguments, Path log) {
        this.number = number;
        this.jar = jar;
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.log = log;
    }

    public int number() {
        return number;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public synchronized void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx512m", "-jar", jar.toString(),
                "--server.address=127.0.0.1", "--server.port=" + port));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Waits until the node says it is ready to take requests; false when it died or the time ran out. */
    public boolean awaitReady(Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline) && alive()) {
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(base().resolve("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** SIGKILL, and waits until the process is gone. */
    public synchronized void kill() throws InterruptedException {
        if (alive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM (a graceful shutdown); SIGKILL when it takes more than 30 seconds. */
    public synchronized void stop() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** The same Java that runs this program. */
    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
