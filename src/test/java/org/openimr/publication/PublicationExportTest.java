package org.openimr.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.system.CaseClock;

/**
 * The export of a day's determinations (a day no other test issues letters on): a case whose summary
 * names the employee, their birthday and claim number is published scrubbed, with its decision and
 * guideline; one whose summary spells the employee's name out letter by letter is withheld, and
 * published once a supervisor has redacted it by hand and released it.
 */
class PublicationExportTest extends CaseTest {

    private static final LocalDate DAY = LocalDate.of(2034, 2, 14);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDaysDeterminationsArePublishedScrubbedOrWithheldForAPerson() {
        ClockUtil.setCurrentTime(Date.from(CaseClock.startOf(DAY).plus(10, ChronoUnit.HOURS)));
        String scrubbed = decided("Rosalind Featherstonehaugh",
                "Ms. Featherstonehaugh (DOB 03/02/1970, claim %s) of Central Valley Packing Co. reports neck pain"
                        + " since April 16, 2012; Rosalind's massage helped.");
        String withheld = decided("Ignatius Quackenbush",
                "Q u a c k e n b u s h, Ignatius reports neck pain.");

        JsonNode export = http("supervisor1", "demo").get().uri("/api/publication?from={d}&to={d}", DAY, DAY)
                .retrieve().body(JsonNode.class);

        assertThat(export.get("published")).hasSize(1);
        JsonNode published = export.at("/published/0");
        assertThat(published.get("caseNumber").asText()).isEqualTo(scrubbed);
        assertThat(published.get("clinicalSummary").asText()).isEqualTo("Ms. [redacted] (DOB [redacted], claim"
                + " [redacted]) of [redacted]. reports neck pain since [redacted]; [redacted]'s massage helped.");
        assertThat(published.at("/items/0/treatment").asText()).contains("Massage Therapy");
        assertThat(published.at("/items/0/category").asText()).isEqualTo("MASSAGE");
        assertThat(published.at("/items/0/bodyRegion").asText()).isEqualTo("CERVICAL");
        assertThat(published.at("/items/0/decision").asText()).isEqualTo("UPHELD");
        assertThat(published.at("/items/0/guideline").asText()).isNotBlank();
        assertThat(export.toString()).doesNotContain("Featherstonehaugh", "Rosalind", "Quackenbush", "Ignatius",
                "Sierra Claims", "1970", cases.caseRecord(scrubbed).employeeClaimNumber());
        assertThat(export.get("withheld")).hasSize(1);
        assertThat(export.at("/withheld/0/caseNumber").asText()).isEqualTo(withheld);
        assertThat(export.at("/withheld/0/reasons").toString()).contains("clinical summary still holds the employee's name");

        int byAnalyst = http("analyst1", "demo").get().uri("/api/publication?from={d}&to={d}", DAY, DAY)
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(byAnalyst).isEqualTo(403);
    }

    @Test
    void aWithheldDeterminationIsPublishedOnceAPersonReleasesItWithNoIdentifierLeft() {
        LocalDate day = DAY.plusDays(35);
        ClockUtil.setCurrentTime(Date.from(CaseClock.startOf(day).plus(10, ChronoUnit.HOURS)));
        String caseNumber = decided("Hieronymus Wolfenbarger", "H i e r o n y m u s Wolfenbarger reports neck pain.");
        JsonNode before = export(day);
        assertThat(before.get("published")).isEmpty();
        assertThat(before.at("/withheld/0/redact").asText()).isEqualTo("/api/publication/withheld/" + caseNumber + "/1");
        // The supervisors' Publication page lists what is withheld and why, by kind of identifier.
        JsonNode listed = withheld(day);
        assertThat(listed).hasSize(1);
        assertThat(listed.at("/0/caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(listed.at("/0/reviewNo").asInt()).isEqualTo(1);
        assertThat(listed.at("/0/reasons").toString()).contains("clinical summary still holds the employee's name")
                .doesNotContain("ieronymus");

        JsonNode draft = supervisor().get().uri(before.at("/withheld/0/redact").asText()).retrieve().body(JsonNode.class);
        assertThat(draft.get("reasons").toString()).contains("clinical summary still holds the employee's name");
        assertThat(draft.get("clinicalSummary").asText()).isEqualTo("H i e r o n y m u s [redacted] reports neck pain.");
        assertThat(draft.get("releasedBy").isNull()).isTrue();

        ObjectNode stillNamed = JSON.createObjectNode().put("clinicalSummary", "H.ieronymus reports neck pain.");
        stillNamed.set("items", draft.get("items"));
        JsonNode refused = release(caseNumber, stillNamed, 400);
        assertThat(refused.at("/errors/0/label").asText()).isEqualTo("Clinical case summary");
        assertThat(refused.at("/errors/0/problem").asText()).isEqualTo("still holds the employee's name");
        assertThat(refused.toString()).doesNotContain("ieronymus");
        assertThat(export(day).get("published")).isEmpty();

        // A name left in an item's rationale is refused on that field.
        ObjectNode rationaleNamed = stillNamed.deepCopy().put("clinicalSummary", "The employee reports neck pain.");
        ((ObjectNode) rationaleNamed.at("/items/0")).put("rationale", "Wolfenbarger's records show no improvement.");
        JsonNode refusedItem = release(caseNumber, rationaleNamed, 400);
        assertThat(refusedItem.get("errors")).hasSize(1);
        assertThat(refusedItem.at("/errors/0/field").asText()).isEqualTo("items[0].rationale");
        assertThat(refusedItem.at("/errors/0/problem").asText()).isEqualTo("still holds the employee's name");

        ObjectNode redacted = stillNamed.deepCopy().put("clinicalSummary", "The employee reports neck pain.");
        JsonNode released = release(caseNumber, redacted, 200);
        assertThat(released.get("reasons")).isEmpty();
        assertThat(released.get("releasedBy").asText()).isEqualTo("supervisor1");
        assertThat(released.get("releasedAt").asText()).startsWith(day.toString());

        JsonNode after = export(day);
        assertThat(after.get("withheld")).isEmpty();
        assertThat(withheld(day)).isEmpty();
        assertThat(after.at("/published/0/caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(after.at("/published/0/clinicalSummary").asText()).isEqualTo("The employee reports neck pain.");
        assertThat(after.at("/published/0/items/0/decision").asText()).isEqualTo("UPHELD");
        assertThat(after.at("/releasedByHand/0/releasedBy").asText()).isEqualTo("supervisor1");
        assertThat(after.toString()).doesNotContain("Hieronymus", "Wolfenbarger");

        int byAnalyst = http("analyst1", "demo").post().uri("/api/publication/withheld/{n}/1/release", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(redacted)
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(byAnalyst).isEqualTo(403);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode export(LocalDate day) {
        return supervisor().get().uri("/api/publication?from={d}&to={d}", day, day).retrieve().body(JsonNode.class);
    }

    private JsonNode withheld(LocalDate day) {
        return supervisor().get().uri("/api/publication/withheld?from={d}&to={d}", day, day).retrieve()
                .body(JsonNode.class);
    }

    private JsonNode release(String caseNumber, JsonNode body, int status) {
        return supervisor().post().uri("/api/publication/withheld/{n}/1/release", caseNumber)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange((request, response) -> {
                    assertThat(response.getStatusCode().value()).as("release answer").isEqualTo(status);
                    return response.bodyTo(JsonNode.class);
                });
    }

    private RestClient supervisor() {
        return http("supervisor1", "demo");
    }

    private String decided(String employee, String summary) {
        ObjectNode application = TestApplications.seedCase();
        ((ObjectNode) application.get("employee")).put("name", employee);
        ((ObjectNode) application.get("requestingPhysician")).put("name", "Dr. Evander Holloway");
        String caseNumber = cases.submit(application);
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.complete(caseNumber, "WriteClinicalSummaryTask", Map.of("pagesReviewed", 54, "clinicalSummary",
                summary.formatted(cases.caseRecord(caseNumber).employeeClaimNumber())));
        cases.decideAllItems(caseNumber, "UPHELD");
        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("DETERMINATION_ISSUED");
        return caseNumber;
    }
}
