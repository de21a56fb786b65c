package org.openimr.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.CaseRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.HttpClientErrorException;

/**
 * A paper application keyed into the Tasklist start form: the submission Tasklist makes
 * (top-level fields as plain values, groups as Json, one group per disputed treatment and their
 * count as a string, radio answers as strings) is registered exactly as the API registers an
 * application, up to as many items, and starts its case as an API case starts; or it is refused
 * as the API refuses it, leaving nothing behind.
 */
class PaperApplicationTest extends CaseTest {

    @Autowired
    JdbcClient jdbc;

    /** Tasklist's start dialog reads the case number from the start's answer and shows it. */
    @Test
    void theStartAnswersWithTheCaseNumberAndTheCaseIsInIntakesListOfToday() {
        ObjectNode application = TestApplications.seedCase();
        ((ObjectNode) application.get("employee")).put("claimNumber", "TODAY-" + System.nanoTime());

        JsonNode started = submitStartForm(application);

        String caseNumber = started.get("businessKey").asText();
        assertThat(caseNumber).matches("CM14-\\d{7}");
        JsonNode today = http("intake1", "demo").get().uri("/api/cases/registered-today").retrieve().body(JsonNode.class);
        assertThat(today.get(0).get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(today.get(0).get("casePage").asText()).isEqualTo("/case.html?number=" + caseNumber);
        assertThat(today.get(0).get("registeredAtCalifornia").asText()).matches("\\d{1,2}:\\d\\d [AP]M");
        JsonNode othersToday = http("supervisor1", "demo").get().uri("/api/cases/registered-today").retrieve()
                .body(JsonNode.class);
        assertThat(othersToday.findValuesAsText("caseNumber")).doesNotContain(caseNumber);
        assertThatThrownBy(() -> http("reviewer1", "demo").get().uri("/api/cases/registered-today").retrieve()
                .body(JsonNode.class)).isInstanceOf(HttpClientErrorException.Forbidden.class);
    }

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
                        .contains("Please correct: ")
                        .contains("Utilization review decision: Date served must not be before the UR decision date")
                        .contains("Disputed treatment 1: Visits or sessions requested must be between 1 and 1000")
                        .contains("{\"field\":\"disputedItems[0].requestedUnits\",\"problem\":\"must be between 1 and 1000\","
                                + "\"label\":\"Disputed treatment 1: Visits or sessions requested\"}"));

        assertThat(jdbc.sql("select count(*) from imr_case").query(Long.class).single()).isEqualTo(casesBefore);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void aPaperApplicationTakesAsManyItemsAsTheApiAndStartsAsAnApiCaseStarts() {
        ObjectNode application = TestApplications.seedCase();
        ArrayNode items = (ArrayNode) application.get("disputedItems");
        for (int n = 2; n <= ApplicationParser.MAX_ITEMS; n++) {
            items.add(TestApplications.item(application, 0).deepCopy()
                    .put("requestedTreatment", "Massage therapy for the cervical spine, visit block " + n));
        }
        ObjectNode sameByApi = application.deepCopy();
        ((ObjectNode) sameByApi.get("employee")).put("name", application.at("/employee/name").asText() + " by API")
                .put("claimNumber", application.at("/employee/claimNumber").asText() + "-API");

        String paper = (String) processEngine.getRuntimeService().getVariable(
                submitStartForm(application).get("id").asText(), "caseNumber");
        String api = cases.submit(sameByApi);

        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(paper)
                .count()).isEqualTo(1);
        List<String> keyed = new ArrayList<>();
        items.forEach(item -> keyed.add(item.get("requestedTreatment").asText()));
        assertThat(jdbc.sql("select requested_treatment from imr_disputed_item where case_id = ? order by item_no")
                .param(cases.caseRecord(paper).id()).query(String.class).list()).isEqualTo(keyed);
        // The variables of the API case, and the eligibility decision's inputs, which an API case is given only for
        // its start (Camunda cannot make the start form's fields transient in the transaction that removes them).
        Map<String, Object> paperVariables = variables(paper);
        Map<String, Object> apiVariables = variables(api);
        assertThat(paperVariables.keySet()).containsAll(apiVariables.keySet());
        assertThat(paperVariables.keySet().stream().filter(name -> !apiVariables.containsKey(name)).sorted())
                .containsExactly("applicationComplete", "daysFromUrServiceToFiling", "earlierApplicationForSameTreatment",
                        "filedBy", "liabilityDisputed", "signed", "urDecisionAttached", "urDecisionType");
        for (String registered : List.of("stage", "expedited", "noticeDelivery", "applicationReceivedDate",
                "urDecisionDate", "itemCount", "requestedItems", "dateOfInjury")) {
            assertThat(paperVariables.get(registered)).as(registered).isEqualTo(apiVariables.get(registered));
        }
        assertThat(paperVariables).containsEntry("channel", "PAPER").containsEntry("itemCount", ApplicationParser.MAX_ITEMS);
        assertThat(processEngine.getHistoryService().createHistoricDecisionInstanceQuery()
                .processInstanceId(cases.caseRecord(paper).processInstanceId()).decisionDefinitionKey("eligibility")
                .includeInputs().singleResult().getInputs())
                .extracting(HistoricDecisionInputInstance::getClauseName, HistoricDecisionInputInstance::getValue)
                .contains(Tuple.tuple("Filed by", "EMPLOYEE"), Tuple.tuple("Days from UR service to filing", 14));
    }

    @Test
    void aPaperApplicationWithMoreItemsThanTheApiTakesIsRefused() {
        ObjectNode application = TestApplications.seedCase();
        Map<String, Object> variables = new HashMap<>(TestApplications.startFormVariables(application));
        variables.put("disputedTreatmentCount", Map.of("value", String.valueOf(ApplicationParser.MAX_ITEMS + 1)));

        assertThatThrownBy(() -> submitStartForm(variables))
                .isInstanceOfSatisfying(HttpClientErrorException.class, e -> assertThat(e.getResponseBodyAsString())
                        .contains("\"field\":\"variables.disputedTreatmentCount\",\"problem\":\"must be one of 1, 2, 3")
                        .contains("Please correct: Number of disputed treatments must be one of 1, 2, 3")
                        .contains(", 20\""));
    }

    @Test
    void theSameApplicationKeyedInTwiceIsRefusedAsTheApiRefusesIt() {
        ObjectNode application = TestApplications.seedCase();
        String first = (String) processEngine.getRuntimeService().getVariable(
                submitStartForm(application).get("id").asText(), "caseNumber");
        long instances = processEngine.getRuntimeService().createProcessInstanceQuery().count();

        assertThatThrownBy(() -> submitStartForm(application))
                .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(409);
                    assertThat(e.getResponseBodyAsString()).contains("already registered as case " + first);
                });
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    private Map<String, Object> variables(String caseNumber) {
        return processEngine.getRuntimeService().getVariables(cases.caseRecord(caseNumber).processInstanceId());
    }

    /** Submits the start form the way Tasklist does for a Camunda Form. */
    private JsonNode submitStartForm(ObjectNode application) {
        return submitStartForm(TestApplications.startFormVariables(application));
    }

    private JsonNode submitStartForm(Map<String, Object> variables) {
        return http("intake1", "demo").post().uri("/engine-rest/process-definition/key/imr-case/submit-form")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables))
                .retrieve().body(JsonNode.class);
    }
}
