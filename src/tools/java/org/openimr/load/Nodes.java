package org.openimr.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The application's HTTP API on one or more nodes, as a client behind a simple load balancer sees
 * it: each request goes to the next node in turn, with the user's HTTP Basic credentials. A node
 * that refuses the connection (it is down) is skipped for a second and the request goes to another
 * one: a refused request never reached any application code, so sending it elsewhere is safe. Any
 * other failure without an answer (a reset, a timeout) leaves the outcome unknown; the caller
 * decides, from the state of the case, whether to send it again.
 */
public final class Nodes {

    /** An HTTP answer: status and JSON body (a missing node when the body is empty or not JSON). */
    public record Answer(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** No HTTP answer. {@code reachedNode} false means no node saw the request, so nothing can have changed. */
    public static final class NoAnswer extends Exception {

        private final boolean reachedNode;

        NoAnswer(String message, boolean reachedNode, Throwable cause) {
            super(message, cause);
            this.reachedNode = reachedNode;
        }

        public boolean reachedNode() {
            return reachedNode;
        }
    }

    /** Sees every request: for progress, error counts and latencies. */
    public interface Observer {

        /** A request is about to go to the node (numbered from 0 in the order of the addresses). */
        default void sending(String label, int node) {
        }

        void answered(String label, int node, Duration took, int status);

        void unanswered(String label, int node, Duration took, boolean reachedNode);

        Observer NONE = new Observer() {
            @Override
            public void answered(String label, int node, Duration took, int status) {
            }

            @Override
            public void unanswered(String label, int node, Duration took, boolean reachedNode) {
            }
        };
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DOWN_FOR_NANOS = Duration.ofSeconds(1).toNanos();

    private final List<URI> bases;
    private final String password;
    private final Duration timeout;
    private final Observer observer;
    private final HttpClient http;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray downUntil;

    /**
     * @param bases    each node's base address, e.g. http://127.0.0.1:18081
     * @param password every user's password (the demo users share one)
     * @param timeout  how long a request may take before its outcome counts as unknown
     */
    public Nodes(List<URI> bases, String password, Duration timeout, Observer observer) {
        this.bases = List.copyOf(bases);
        this.password = password;
        this.timeout = timeout;
        this.observer = observer;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.downUntil = new AtomicLongArray(bases.size());
    }

    public int size() {
        return bases.size();
    }

    public Answer get(String label, String user, String path) throws NoAnswer {
        return send(label, user, path, HttpRequest.BodyPublishers.noBody(), "GET");
    }

    public Answer post(String label, String user, String path, Object body) throws NoAnswer {
        return send(label, user, path, HttpRequest.BodyPublishers.ofString(json(body)), "POST");
    }

    public Answer put(String label, String user, String path, Object body) throws NoAnswer {
        return send(label, user, path, HttpRequest.BodyPublishers.ofString(json(body)), "PUT");
    }

    private Answer send(String label, String user, String path, HttpRequest.BodyPublisher body, String method)
            throws NoAnswer {
        NoAnswer refused = null;
        for (int tried = 0; tried < bases.size(); tried++) {
            int node = pick();
            long started = System.nanoTime();
            observer.sending(label, node);
            try {
                HttpResponse<String> response = http.send(request(node, user, path, body, method),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                observer.answered(label, node, took, response.statusCode());
                return new Answer(response.statusCode(), parse(response.body()));
            } catch (ConnectException | HttpConnectTimeoutException e) {
                downUntil.set(node, System.nanoTime() + DOWN_FOR_NANOS);
                observer.unanswered(label, node, Duration.ofNanos(System.nanoTime() - started), false);
                refused = new NoAnswer("Node " + (node + 1) + " refused the connection", false, e);
            } catch (IOException e) {
                observer.unanswered(label, node, Duration.ofNanos(System.nanoTime() - started), true);
                throw new NoAnswer("Node " + (node + 1) + " gave no answer: " + e.getClass().getSimpleName(), true, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NoAnswer("Interrupted", true, e);
            }
        }
        throw refused;
    }

    /** The next node in turn that is not known to be down; the next in turn when all are. */
    private int pick() {
        long now = System.nanoTime();
        for (int i = 0; i < bases.size(); i++) {
            int node = Math.floorMod(next.getAndIncrement(), bases.size());
            if (downUntil.get(node) - now <= 0) {
                return node;
            }
        }
        return Math.floorMod(next.getAndIncrement(), bases.size());
    }

    private HttpRequest request(int node, String user, String path, HttpRequest.BodyPublisher body, String method) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(bases.get(node).resolve(path)).timeout(timeout)
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body).build();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serializable as JSON", e);
        }
    }
}
