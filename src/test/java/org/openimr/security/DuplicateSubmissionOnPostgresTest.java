package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openimr.EmbeddedPostgres;
import org.openimr.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Twenty clients submit the same application at the same moment, on PostgreSQL: exactly one case
 * is registered (201) and every other submission is told which case it duplicates (409), with no
 * second process instance and nothing half-created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Close this context while PostgreSQL still runs, not in a JVM shutdown hook racing it.
@DirtiesContext
class DuplicateSubmissionOnPostgresTest {

    private static final int CLIENTS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtimeService;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    record Answer(int status, JsonNode body) {
    }

    @Test
    void twentyConcurrentSubmissionsOfOneApplicationMakeOneCase() throws Exception {
        String application = TestApplications.json(TestApplications.seedCase());
        long casesBefore = jdbc.sql("select count(*) from imr_case").query(Long.class).single();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();
        RestClient intake = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth("intake1", "demo")).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(clients.submit(() -> {
                    ready.countDown();
                    go.await();
                    return intake.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON).body(application)
                            .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                                    JSON.readTree(response.getBody())));
                }));
            }
            ready.await();
            go.countDown();
            List<Answer> results = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                results.add(answer.get(5, TimeUnit.MINUTES));
            }

            List<Answer> created = results.stream().filter(a -> a.status() == 201).toList();
            assertThat(created).as("201 answers").hasSize(1);
            String caseNumber = created.get(0).body().get("caseNumber").asText();
            assertThat(results.stream().filter(a -> a.status() == 409)).as("409 answers").hasSize(CLIENTS - 1)
                    .allSatisfy(conflict -> assertThat(conflict.body().get("caseNumber").asText()).isEqualTo(caseNumber));
            assertThat(jdbc.sql("select count(*) from imr_case").query(Long.class).single()).isEqualTo(casesBefore + 1);
            assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore + 1);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count())
                    .isEqualTo(1);
        } finally {
            clients.shutdownNow();
        }
    }
}
