package org.openimr.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.system.CaseClock;

/**
 * The export of a day's determinations (a day no other test issues letters on): a case whose summary
 * names the employee, their birthday and claim number is published scrubbed, with its decision and
 * guideline; one whose summary spells the employee's name out letter by letter is withheld.
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
