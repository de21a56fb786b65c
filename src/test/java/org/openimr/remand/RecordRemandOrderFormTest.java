package org.openimr.remand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.system.CaseClock;
import org.springframework.http.MediaType;

/**
 * A supervisor records a WCAB order in Tasklist, through the start form of "Record remand order":
 * the submission Tasklist makes starts the case's new review as the remand API does, and a bad
 * order (no such case, a case with no issued letter, items the case does not have, a field left
 * out) is refused naming the form's field, leaving neither a remand nor a new review behind.
 */
class RecordRemandOrderFormTest extends CaseTest {

    private static final String SUBMIT = "/engine-rest/process-definition/key/record-remand-order/submit-form";

    @Test
    void anOrderKeyedIntoTheFormStartsTheNewReviewOfItsItems() {
        String caseNumber = determinationIssued();

        Answer answer = submit("supervisor1", form(caseNumber, "WCAB ADJ7000001", "1"));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        String instanceId = answer.body().get("id").asText();
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult().getEndTime()).isNotNull();
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName(RecordRemandOrderDelegate.REVIEW_NO).singleResult().getValue()).isEqualTo(2);
        JsonNode history = http("supervisor1", "demo").get().uri("/api/cases/{n}/remands", caseNumber).retrieve()
                .body(JsonNode.class);
        assertThat(history.get("currentReview").asInt()).isEqualTo(2);
        assertThat(history.at("/remands/0/orderReference").asText()).isEqualTo("WCAB ADJ7000001");
        assertThat(history.at("/remands/0/recordedBy").asText()).isEqualTo("supervisor1");
        assertThat(history.at("/remands/0/items").toString()).isEqualTo("[1]");
        assertThat(history.at("/remands/0/ground").asText()).isEqualTo("PLAINLY_ERRONEOUS_FACT");
        cases.progress(caseNumber).hasPassed("RemandOrderedStartEvent", "OpenRemandReviewTask")
                .hasNotPassed("RegisterApplicationTask");
    }

    @Test
    void aBadOrderIsRefusedByTheFieldsLabelAndLeavesNothingBehind() {
        String issued = determinationIssued();
        String underReview = cases.submit(TestApplications.seedCase());
        long startsBefore = starts();

        assertRefused(form("CM99-0000000", "WCAB ADJ7000002", "1"), "Case number is not a case on file (CM99-0000000)");
        assertRefused(form(underReview, "WCAB ADJ7000003", "1"),
                "Case number has no issued determination to set aside (its review is under way)");
        assertRefused(form(issued, "WCAB ADJ7000004", "1, 2"), "Items concerned: case " + issued + " has items 1 to 1");
        assertRefused(form(issued, "WCAB ADJ7000005", "one"),
                "Items concerned must be item numbers separated by commas, e.g. 1, 3");
        Map<String, Object> noDate = form(issued, "WCAB ADJ7000006", "1");
        noDate.remove("orderDate");
        assertRefused(noDate, "Date of the order is required");
        Map<String, Object> receivedFirst = form(issued, "WCAB ADJ7000007", "1");
        receivedFirst.put("orderDate", value(CaseClock.today().toString()));
        receivedFirst.put("orderReceivedDate", value(CaseClock.today().minusDays(1).toString()));
        assertRefused(receivedFirst, "Date received must not be before orderDate");

        assertThat(cases.caseRecord(issued).status()).isEqualTo("DETERMINATION_ISSUED");
        assertThat(http("supervisor1", "demo").get().uri("/api/cases/{n}/remands", issued).retrieve()
                .body(JsonNode.class).get("remands")).isEmpty();
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(issued).count()).isEqualTo(1);
        assertThat(starts()).isEqualTo(startsBefore);
    }

    @Test
    void onlySupervisorsMayStartIt() {
        String caseNumber = determinationIssued();

        // Intake and reviewers may not even read the process: the engine answers as for one that does not exist.
        assertThat(submit("intake1", form(caseNumber, "WCAB ADJ7000008", "1")).status()).isEqualTo(404);
        assertThat(submit("reviewer1", form(caseNumber, "WCAB ADJ7000008", "1")).status()).isEqualTo(404);
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("record-remand-order").startableByUser("supervisor1").count()).isEqualTo(1);
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("record-remand-order").startableByUser("intake1").count()).isZero();

        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("DETERMINATION_ISSUED");
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("record-remand-order").latestVersion().singleResult().getVersionTag())
                .isNotNull();
    }

    private void assertRefused(Map<String, Object> variables, String sentence) {
        Answer answer = submit("supervisor1", variables);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().get("message").asText()).contains(sentence);
    }

    private long starts() {
        return processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("record-remand-order").count();
    }

    /** The variables Tasklist submits for the form: every field a String, dates as YYYY-MM-DD. */
    private static Map<String, Object> form(String caseNumber, String reference, String items) {
        String today = CaseClock.today().toString();
        Map<String, Object> variables = new HashMap<>();
        variables.put("orderCaseNumber", value(caseNumber));
        variables.put("issuedBy", value("WCAB"));
        variables.put("orderReference", value(reference));
        variables.put("orderDate", value(today));
        variables.put("orderReceivedDate", value(today));
        variables.put("orderItems", value(items));
        variables.put("ground", value("PLAINLY_ERRONEOUS_FACT"));
        return variables;
    }

    private static Map<String, Object> value(String text) {
        return Map.of("value", text, "type", "String");
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer submit(String user, Map<String, Object> variables) {
        return http(user, "demo").post().uri(SUBMIT).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", variables))
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        response.bodyTo(JsonNode.class)));
    }

    private String determinationIssued() {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");
        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("DETERMINATION_ISSUED");
        return caseNumber;
    }
}
