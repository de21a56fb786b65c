package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.intake.Withdrawals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Over a thousand generated hostile bodies ({@link HostilePayloads}, fixed seed) against the intake
 * and records endpoints: every one is refused with a 4xx that names the field at fault, none
 * answers 5xx, and afterwards there are exactly as many cases, process instances and documents as
 * before.
 */
class HostileInputTest extends CaseTest {

    private static final long SEED = 20_260_802L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Withdrawals withdrawals;

    /** Intake staff, logged in once: checking a password for each of the requests would only slow the test down. */
    private Authentication intake;

    @Test
    void everyHostileBodyIsRefusedNamingItsFieldAndNothingIsCreated() throws Exception {
        intake = CamundaIdentityAuthenticationProvider.authenticated(processEngine.getIdentityService(), "intake1");
        String caseNumber = cases.submit(TestApplications.seedCase());
        HostilePayloads generator = new HostilePayloads(SEED);
        List<HostilePayloads.Payload> applications = generator.applications(TestApplications.seedCase());
        List<HostilePayloads.Payload> records = generator.records(threeDocuments());
        long casesBefore = count("select count(*) from imr_case");
        long documentsBefore = count("select count(*) from imr_document");
        long instancesBefore = processEngine.getRuntimeService().createProcessInstanceQuery().count();
        long historyBefore = processEngine.getHistoryService().createHistoricProcessInstanceQuery().count();

        List<String> failures = new ArrayList<>();
        for (HostilePayloads.Payload payload : applications) {
            check(payload, "/api/cases", failures);
        }
        for (HostilePayloads.Payload payload : records) {
            check(payload, "/api/cases/" + caseNumber + "/records", failures);
        }

        assertThat(applications.size() + records.size()).as("hostile payloads (%s against intake, %s against records)",
                applications.size(), records.size()).isGreaterThanOrEqualTo(1000);
        assertThat(records).as("of them against the records endpoint").hasSizeGreaterThan(200);
        assertThat(failures).as("payloads not refused with a 4xx naming their field").isEmpty();
        assertThat(count("select count(*) from imr_case")).isEqualTo(casesBefore);
        assertThat(count("select count(*) from imr_document")).isEqualTo(documentsBefore);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(historyBefore);
        withdrawals.withdraw(caseNumber, new Withdrawals.Withdrawal(Withdrawals.Reason.EMPLOYEE_WITHDREW, null));
    }

    @Test
    void theGeneratorIsDeterministic() {
        List<String> first = new HostilePayloads(SEED).applications(TestApplications.seedCase()).stream()
                .map(p -> p.description() + " " + p.field()).toList();
        List<String> again = new HostilePayloads(SEED).applications(TestApplications.seedCase()).stream()
                .map(p -> p.description() + " " + p.field()).toList();
        assertThat(again).isEqualTo(first);
    }

    private void check(HostilePayloads.Payload payload, String path, List<String> failures) throws Exception {
        MockHttpServletResponse response = mvc.perform(post(path).with(authentication(intake))
                .contentType(MediaType.APPLICATION_JSON).content(payload.body())).andReturn().getResponse();
        int status = response.getStatus();
        String answer = response.getContentAsString(StandardCharsets.UTF_8);
        List<String> fields = new ArrayList<>();
        if (answer.startsWith("{")) {
            JSON.readTree(answer).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        }
        if (status < 400 || status >= 500 || !fields.contains(payload.field())) {
            failures.add(path + " " + payload.description() + ": expected 4xx naming " + payload.field() + ", got "
                    + status + " " + abbreviate(answer));
        }
    }

    /** The records body the hostile ones are made from: three documents, all valid. */
    private static ObjectNode threeDocuments() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode documents = body.putArray("documents");
        documents.addObject().put("title", "Primary treating physician's progress report (PR-2)")
                .put("author", "Dr. Test Physician").put("date", "2014-06-12").put("pages", 30);
        documents.addObject().put("title", "Utilization review determination")
                .put("author", "Sierra Claims Administrators").put("date", "2014-06-27").put("pages", 24);
        documents.addObject().put("title", "Physical therapy notes").put("author", "Coastal Physical Therapy")
                .put("date", "2014-05-02").put("pages", 8);
        return body;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
