package org.openimr.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** Deliveries of records as a claims administrator's system sends them: multipart, described in a JSON part. */
public final class DeliveryClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file of a delivery and what is said of it. */
    public record Sent(String name, byte[] bytes, Map<String, Object> description) {

        public static Sent of(String name, byte[] bytes, String title) {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("sender", "CLAIMS_ADMINISTRATOR");
            description.put("dateReceived", "2024-05-02");
            description.put("title", title);
            description.put("author", "Dr. Test Physician");
            description.put("dateOfService", "2024-04-12");
            return new Sent(name, bytes, description);
        }
    }

    public record Answer(int status, JsonNode body) {
    }

    private final RestClient client;

    public DeliveryClient(RestClient client) {
        this.client = client;
    }

    public Answer deliver(String caseNumber, List<Sent> files) {
        List<Map<String, Object>> documents = new ArrayList<>();
        files.forEach(file -> documents.add(file.description()));
        return deliver(caseNumber, json(Map.of("documents", documents)), files);
    }

    /** With the description as given, for tests of bad descriptions. */
    public Answer deliver(String caseNumber, String metadata, List<Sent> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        parts.add("metadata", new HttpEntity<>(metadata, jsonPart));
        for (Sent file : files) {
            HttpHeaders filePart = new HttpHeaders();
            // Whatever the sender claims the type is, the content decides.
            filePart.setContentType(MediaType.APPLICATION_PDF);
            parts.add("files", new HttpEntity<>(new ByteArrayResource(file.bytes()) {
                @Override
                public String getFilename() {
                    return file.name();
                }
            }, filePart));
        }
        return client.post().uri("/api/cases/{n}/documents", caseNumber).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).exchange((request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    return new Answer(response.getStatusCode().value(),
                            body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body));
                });
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
