package org.openimr.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.HttpClientErrorException;

/**
 * A paper application keyed into the Tasklist start form: the submission Tasklist makes
 * (top-level fields as plain values, groups as Json, one group per disputed treatment and their
 * count as a string, radio answers as strings) is registered exactly as the API registers an
 * application, or refused leaving nothing behind.
 */
class PaperApplicationTest extends CaseTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPaperApplicationGetsACaseNumberAndIsScreened() {
        ObjectNode application = TestApplications.seedCase();
        // The form's yes / no / not documented radios answer with strings.
        TestApplications.item(application, 0).put("adjunctToActiveTherapy", "false")
                .put("functionalImprovement", "NOT_DOCUMENTED");

        JsonNode started = submitStartForm(application);

        String instanceId = started.get("id").asText();
        String caseNumber = (String) processEngine.getRuntimeService().getVariable(instanceId, "caseNumber");
        assertThat(caseNumber).matches("CM14-\\d{7}");
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.channel()).isEqualTo("PAPER");
        assertThat(record.createdBy()).isEqualTo("intake1");
        assertThat(record.processInstanceId()).isEqualTo(instanceId);
        assertThat(processEngine.getRuntimeService().getVariables(instanceId))
                .containsEntry("stage", "AWAITING_RECORDS")
                .containsEntry("itemCount", 1)
                .doesNotContainKeys("employee", "disputedTreatmentCount", "disputedItem1");
        assertThat(cases.tasks(caseNumber, "CheckRecordsCompletenessTask")).isEmpty();
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .count()).isEqualTo(1);
    }

    @Test
    void anInvalidPaperApplicationIsRefusedWithItsFieldsAndLeavesNothingBehind() {
        ObjectNode application = TestApplications.seedCase();
        application.put("urDecisionServedDate", "2014-06-01");
        TestApplications.item(application, 0).put("requestedUnits", 0);
        long casesBefore = jdbc.sql("select count(*) from imr_case").query(Long.class).single();
        long instancesBefore = processEngine.getRuntimeService().createProcessInstanceQuery().count();

        assertThatThrownBy(() -> submitStartForm(application))
                .isInstanceOfSatisfying(HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(400))
                .satisfies(e -> assertThat(((HttpClientErrorException) e).getResponseBodyAsString())
                        .contains("urDecisionServedDate must not be before urDecisionDate")
                        .contains("disputedItems[0].requestedUnits must be between 1 and 1000"));

        assertThat(jdbc.sql("select count(*) from imr_case").query(Long.class).single()).isEqualTo(casesBefore);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    /** Submits the start form the way Tasklist does for a Camunda Form. */
    private JsonNode submitStartForm(ObjectNode application) {
        Map<String, Object> variables = TestApplications.startFormVariables(application);
        return http("intake1", "demo").post().uri("/engine-rest/process-definition/key/imr-case/submit-form")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables))
                .retrieve().body(JsonNode.class);
    }
}
