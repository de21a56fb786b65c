package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The application's HTTP API as its staff use it: every request as a named demo user (HTTP Basic),
 * JSON in and out, on loopback only. A failed request throws with its method, path and status but
 * never its body, which may carry case data.
 */
public final class StaffClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String password;

    public StaffClient(int port, String password) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.password = password;
    }

    /** The password every user of the benchmark logs in with. */
    String password() {
        return password;
    }

    public JsonNode get(String user, String path) {
        return send(user, "GET", path, null);
    }

    public JsonNode post(String user, String path, Object body) {
        return send(user, "POST", path, body);
    }

    public JsonNode put(String user, String path, Object body) {
        return send(user, "PUT", path, body);
    }

    public JsonNode patch(String user, String path, Object body) {
        return send(user, "PATCH", path, body);
    }

    private JsonNode send(String user, String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", basic(user))
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .method(method, publisher).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path.replaceAll("\\?.*", "") + " as " + user
                        + ": HTTP " + response.statusCode() + problems(response));
            }
            return response.body().length == 0 ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The application's 400 answers name each bad field and why (FieldProblem), never its value. */
    private static String problems(HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() != 400 || response.body().length == 0) {
            return "";
        }
        JsonNode problems = JSON.readTree(response.body()).path("errors");
        return problems.isMissingNode() ? "" : " " + problems;
    }

    private String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
