package org.openimr.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The case search as intake and supervisors use it when a party calls: by claim number, name,
 * date of birth or case number, open and closed cases; each search that returns a case recorded for
 * the supervisors, as is intake's list of the cases they registered today; nobody else searches.
 */
class CaseSearchTest extends CaseTest {

    @Test
    void intakeFindsAnOpenCaseByClaimNumberNameOrDateOfBirthAndTheSearchIsRecorded() {
        ObjectNode application = TestApplications.seedCase();
        ((ObjectNode) application.get("employee")).put("dateOfBirth", "1961-11-23");
        String caseNumber = cases.submit(application);
        String name = application.at("/employee/name").asText();
        String claim = application.at("/employee/claimNumber").asText();

        JsonNode byClaim = search("intake1", "claim=" + claim.toLowerCase());
        assertThat(byClaim.get("count").asInt()).isEqualTo(1);
        JsonNode found = byClaim.at("/cases/0");
        assertThat(found.get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(found.get("employeeName").asText()).isEqualTo(name);
        assertThat(found.get("dateOfBirth").asText()).isEqualTo("1961-11-23");
        assertThat(found.get("page").asText()).isEqualTo("/case.html?number=" + caseNumber);
        assertThat(found.get("status").asText()).isEqualTo("OPEN");

        assertThat(numbers(search("intake1", "name=" + name.substring(5).toUpperCase()))).containsExactly(caseNumber);
        assertThat(numbers(search("intake1", "dateOfBirth=1961-11-23&name=" + name))).containsExactly(caseNumber);
        assertThat(numbers(search("supervisor1", "number=" + caseNumber))).containsExactly(caseNumber);

        JsonNode recorded = http("supervisor1", "demo").get().uri("/api/case-searches?caseNumber={n}", caseNumber)
                .retrieve().body(JsonNode.class);
        assertThat(recorded).hasSize(4);
        assertThat(recorded.get(3).get("user").asText()).isEqualTo("intake1");
        assertThat(recorded.get(3).get("criteria").asText()).isEqualTo("claim=" + claim.toLowerCase());
        assertThat(recorded.get(3).get("caseNumbers")).extracting(JsonNode::asText).containsExactly(caseNumber);
        assertThat(recorded.get(0).get("user").asText()).isEqualTo("supervisor1");
        assertThat(recorded.get(0).get("when").asText()).matches(".* (PST|PDT)");
        http("intake1", "demo").post().uri("/api/cases/{n}/withdrawal", caseNumber).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "EMPLOYEE_WITHDREW")).retrieve().toBodilessEntity();
    }

    @Test
    void aSupervisorFindsAClosedCaseAndIntakeDoesNot() {
        ObjectNode application = TestApplications.seedCase();
        String caseNumber = cases.submit(application);
        String claim = application.at("/employee/claimNumber").asText();
        http("intake1", "demo").post().uri("/api/cases/{n}/withdrawal", caseNumber).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "TREATMENT_AUTHORIZED")).retrieve().toBodilessEntity();

        JsonNode closed = search("supervisor1", "claim=" + claim + "&status=closed");
        assertThat(numbers(closed)).containsExactly(caseNumber);
        assertThat(closed.at("/cases/0/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(closed.at("/cases/0/closedAt").asText()).isNotBlank();
        assertThat(numbers(search("supervisor1", "claim=" + claim))).as("any status when none is asked")
                .containsExactly(caseNumber);
        assertThat(numbers(search("supervisor1", "claim=" + claim + "&status=open"))).isEmpty();

        JsonNode byIntake = search("intake1", "claim=" + claim);
        assertThat(byIntake.get("openCasesOnly").asBoolean()).isTrue();
        assertThat(numbers(byIntake)).as("intake may not read a closed case").isEmpty();
        JsonNode recorded = http("supervisor1", "demo").get().uri("/api/case-searches?caseNumber={n}", caseNumber)
                .retrieve().body(JsonNode.class);
        assertThat(recorded).as("a search that found nothing disclosed nothing").hasSize(2);
    }

    @Test
    void intakesListOfTheCasesRegisteredTodayIsRecordedAsASearchIs() {
        String caseNumber = cases.submit(TestApplications.seedCase());

        JsonNode today = http("intake1", "demo").get().uri("/api/cases/registered-today").retrieve().body(JsonNode.class);

        assertThat(today.findValuesAsText("caseNumber")).contains(caseNumber);
        JsonNode recorded = http("supervisor1", "demo").get().uri("/api/case-searches?caseNumber={n}", caseNumber)
                .retrieve().body(JsonNode.class);
        assertThat(recorded).as("the list names the case's employee: it is a look-up of the case").hasSize(1);
        assertThat(recorded.get(0).get("user").asText()).isEqualTo("intake1");
        assertThat(recorded.get(0).get("criteria").asText()).matches("registeredBy=intake1, registeredOn=\\d{4}-\\d\\d-\\d\\d");
        assertThat(recorded.get(0).get("results").asInt()).isEqualTo(today.size());
        assertThat(recorded.get(0).get("caseNumbers")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(today.findValuesAsText("caseNumber"));
    }

    @Test
    void onlyIntakeAndSupervisorsSearchAndOnlySupervisorsReadTheRecordOfSearches() {
        assertThat(status(http("reviewer1", "demo"), "/api/cases?name=Test")).isEqualTo(403);
        assertThat(status(http("analyst1", "demo"), "/api/cases?name=Test")).isEqualTo(403);
        assertThat(status(http("intake1", "demo"), "/api/case-searches")).isEqualTo(403);
        assertThat(status(http("reviewer1", "demo"), "/api/case-searches")).isEqualTo(403);
        assertThat(status(http("supervisor1", "demo"), "/api/case-searches")).isEqualTo(200);
        assertThat(status(RestClient.create("http://localhost:" + port), "/api/cases?name=Test")).isEqualTo(401);
    }

    @Test
    void aSearchWithoutCriteriaOrWithABadOneIsRefusedNamingTheField() {
        JsonNode none = refusal("intake1", "");
        assertThat(none.at("/errors/0/field").asText()).isEqualTo("number");
        assertThat(none.at("/errors/0/problem").asText()).startsWith("give a case number, claim number, name");

        JsonNode badDate = refusal("intake1", "dateOfBirth=23/11/1961");
        assertThat(badDate.at("/errors/0/field").asText()).isEqualTo("dateOfBirth");
        JsonNode badSla = refusal("supervisor1", "sla=LATE");
        assertThat(badSla.at("/errors/0/field").asText()).isEqualTo("sla");
        JsonNode unknown = refusal("supervisor1", "ssn=123");
        assertThat(unknown.at("/errors/0/field").asText()).isEqualTo("ssn");
    }

    private JsonNode search(String user, String query) {
        return http(user, "demo").get().uri("/api/cases?" + query).retrieve().body(JsonNode.class);
    }

    private JsonNode refusal(String user, String query) {
        return http(user, "demo").get().uri("/api/cases?" + query).exchange((request, response) -> {
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            return response.bodyTo(JsonNode.class);
        });
    }

    private static List<String> numbers(JsonNode result) {
        return result.get("cases").findValuesAsText("caseNumber");
    }

    private static int status(RestClient client, String path) {
        return client.get().uri(path).exchange((request, response) -> response.getStatusCode().value());
    }
}
