package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;

/**
 * Every request body is capped at the servlet, for every part of the application and however it is
 * sent: a body over 128 KB is answered 413 naming the body, whether its length is announced or it
 * comes in chunks, on the application's API, the engine REST API and the webapps' login alike.
 */
class RequestLimitsTest extends CaseTest {

    private static final String OVERSIZED = "{\"documents\": \"" + "x".repeat(200_000) + "\"}";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        for (String path : new String[] {"/api/cases", "/engine-rest/task/any/complete",
                "/camunda/api/admin/auth/user/default/login/tasklist"}) {
            HttpResponse<String> announced = client.send(request(path)
                    .POST(HttpRequest.BodyPublishers.ofString(OVERSIZED)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(announced.statusCode()).as(path).isEqualTo(413);
            assertThat(announced.body()).contains("\"field\":\"body\"");
        }
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimitAndNoFurther() throws Exception {
        // No length announced: the body comes in chunks.
        HttpRequest chunked = request("/api/cases").POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(OVERSIZED.getBytes(StandardCharsets.UTF_8)))).build();

        HttpResponse<String> answer = client.send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("must be at most 131072 bytes");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake1:demo".getBytes(
                        StandardCharsets.UTF_8)));
    }
}
