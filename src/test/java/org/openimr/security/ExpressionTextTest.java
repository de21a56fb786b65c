package org.openimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openimr.CaseDriver;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.openimr.letter.LetterKind;
import org.openimr.letter.LetterService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Text that looks like an expression is kept as text: a name, a treatment, a guideline note and a
 * clinical summary holding JUEL, Spring EL, Thymeleaf, Camunda Forms (FEEL) and template syntax,
 * entered through the intake API, Tasklist's start form and a task form, are stored, shown and
 * printed in the letter exactly as typed, and evaluated by nobody: none of the products the
 * expressions would compute appears.
 */
class ExpressionTextTest extends CaseTest {

    /** Each would compute a product of 6047 that appears nowhere else. */
    private static final String JUEL = "${6047*2}";
    private static final String SPEL = "#{6047*3}";
    private static final String THYMELEAF_INLINE = "[[${6047*5}]]";
    private static final String THYMELEAF_PREPROCESSED = "__${6047*7}__";
    private static final String TEMPLATE = "{{6047*11}}";
    private static final String FEEL = "=6047*13";
    private static final String[] PRODUCTS = {"12094", "18141", "30235", "42329", "66517", "78611"};

    @Autowired
    LetterService letters;

    @Test
    void expressionsTypedIntoTheApiAndTheFormsAreStoredAndPrintedAsText() throws Exception {
        ObjectNode application = TestApplications.seedCase();
        String name = "Ana " + JUEL + " " + SPEL;
        ((ObjectNode) application.get("employee")).put("name", name);
        ObjectNode item = TestApplications.item(application, 0);
        String treatment = "Massage " + THYMELEAF_INLINE + " " + THYMELEAF_PREPROCESSED + " <script>alert(1)</script>";
        item.put("requestedTreatment", treatment);
        item.put("claimsAdministratorGuideline", TEMPLATE + " " + FEEL);

        JsonNode created = http("intake1", "demo").post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .body(TestApplications.json(application)).retrieve().body(JsonNode.class);
        String caseNumber = created.get("caseNumber").asText();
        assertThat(created.at("/disputedItems/0/requestedTreatment").asText()).isEqualTo(treatment);
        assertThat(cases.caseRecord(caseNumber).employeeName()).isEqualTo(name);
        assertThat(cases.variable(caseNumber, "requestedItems").toString()).contains(treatment);

        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        String reviewer = cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee();
        String summary = "The claimant " + JUEL + " reports " + SPEL + " and " + THYMELEAF_INLINE + ", "
                + THYMELEAF_PREPROCESSED + ", " + TEMPLATE + ", " + FEEL + ".";
        assertThat(http(reviewer, "demo").post().uri("/engine-rest/task/{id}/submit-form",
                        cases.task(caseNumber, "WriteClinicalSummaryTask").getId())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", Map.of(
                        "pagesReviewed", Map.of("value", 54), "clinicalSummary", Map.of("value", summary))))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        cases.decideAllItems(caseNumber, "UPHELD");

        CaseRecord record = cases.caseRecord(caseNumber);
        String letter = CaseDriver.flat(letters.text(letters.latest(record, LetterKind.FINAL_DETERMINATION)
                .orElseThrow()));
        assertThat(letter).contains(name, CaseDriver.flat(treatment), JUEL, SPEL, THYMELEAF_INLINE,
                THYMELEAF_PREPROCESSED, TEMPLATE, FEEL);
        assertThat(cases.variable(caseNumber, "clinicalSummary")).isEqualTo(summary);
        assertNoProductIn(letter);
        assertNoProductIn(http("supervisor1", "demo").get().uri("/api/cases/{n}", caseNumber).retrieve()
                .body(String.class));
    }

    @Test
    void expressionsTypedIntoThePaperApplicationFormAreKeptAsText() {
        ObjectNode application = TestApplications.seedCase();
        String name = "Bo " + JUEL + " " + FEEL;
        ((ObjectNode) application.get("employee")).put("name", name);
        TestApplications.item(application, 0).put("requestedTreatment", "Massage " + SPEL + " " + TEMPLATE);
        Map<String, Object> variables = TestApplications.startFormVariables(application);

        JsonNode started = http("intake1", "demo").post().uri("/engine-rest/process-definition/key/imr-case/submit-form")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables)).retrieve()
                .body(JsonNode.class);

        String caseNumber = (String) processEngine.getRuntimeService().getVariable(started.get("id").asText(),
                "caseNumber");
        assertThat(cases.caseRecord(caseNumber).employeeName()).isEqualTo(name);
        assertThat(cases.variable(caseNumber, "requestedItems").toString()).contains("Massage " + SPEL + " " + TEMPLATE);
        assertNoProductIn(cases.caseRecord(caseNumber).applicationJson());
    }

    private static void assertNoProductIn(String text) {
        for (String product : PRODUCTS) {
            assertThat(text).as("an expression was evaluated").doesNotContain(product);
        }
    }
}
