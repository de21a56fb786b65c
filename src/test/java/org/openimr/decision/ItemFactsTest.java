package org.openimr.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseDocuments;
import org.openimr.cases.DisputedItemFields;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The facts section of "Decide disputed item": the reviewer establishes the category's facts from
 * the records, each with its source or as not documented, sees the recommendation they give, and
 * goes round the BPMN loop through "Apply guideline rules" before deciding.
 */
class ItemFactsTest extends CaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskService taskService;

    @Autowired
    CaseDocuments documents;

    @Test
    void theReviewerEstablishesTheSeedCasesFactsSeesTheRecommendationChangeAndDecides() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        Task task = cases.task(caseNumber, "DecideItemTask");
        String reviewer = task.getAssignee();
        assertThat((String) taskService.getVariable(task.getId(), "itemFacts"))
                .contains("Visits completed: 6 (as the application states; not yet confirmed from the records)");
        long report = documents.documents(cases.caseRecord(caseNumber).id()).get(0).id();

        JsonNode shown = facts(caseNumber, reviewer);
        assertThat(names(shown)).containsExactly("adjunctToActiveTherapy", "priorUnits", "requestedUnits",
                "exceptionFlag");
        assertThat(shown.at("/facts/1/status").asText()).isEqualTo("UNCONFIRMED");
        assertThat(shown.at("/recommendation/ruleIds").toString()).contains("MASSAGE-01", "MASSAGE-04");

        establish(caseNumber, reviewer, """
                {"facts": [{"name": "adjunctToActiveTherapy", "value": true, "documentId": %d, "page": 3},
                           {"name": "priorUnits", "value": 6, "documentId": %d, "page": 3},
                           {"name": "requestedUnits", "value": 6, "documentId": %d, "page": 4},
                           {"name": "exceptionFlag", "notDocumented": true}]}""".formatted(report, report, report))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.facts[1].status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.facts[1].source.page").value(3))
                .andExpect(jsonPath("$.facts[3].status").value("NOT_DOCUMENTED"))
                .andExpect(jsonPath("$.recommendation.ruleIds[0]").value("MASSAGE-04"))
                .andExpect(jsonPath("$.recommendation.ruleIds.length()").value(1));
        // The open task, opened again, shows the facts just established and the recommendation they give.
        assertThat((String) taskService.getVariable(task.getId(), "itemFacts"))
                .contains("Visits completed: 6 (Primary treating physician's progress report (PR-2), page 3)")
                .contains("not documented in the records");
        assertThat(taskService.getVariable(task.getId(), "recommendationRuleIds")).isEqualTo("MASSAGE-04");

        taskService.complete(task.getId(), Map.of("recheckFacts", true));
        Task again = cases.task(caseNumber, "DecideItemTask");
        assertThat(again.getId()).isNotEqualTo(task.getId());
        assertThat(taskService.getVariable(again.getId(), "recommendationRuleIds")).isEqualTo("MASSAGE-04");
        assertThat((String) taskService.getVariable(again.getId(), "itemFacts"))
                .contains("Visits completed: 6 (Primary treating physician's progress report (PR-2), page 3)")
                .contains("not documented in the records");
        assertThat(cases.caseRecord(caseNumber).stage()).isEqualTo("ITEM_DECISIONS");
        assertThat(taskService.getVariable(again.getId(), "decision")).isNull();

        cases.decideAllItems(caseNumber, "UPHELD");
        assertThat(cases.tasks(caseNumber, "DecideItemTask")).isEmpty();
    }

    @Test
    void noDecisionIsTakenWhileAFactTheTableReadsIsNeitherEstablishedNorMarkedNotDocumented() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        Task task = cases.task(caseNumber, "DecideItemTask");
        String reviewer = task.getAssignee();
        long report = documents.documents(cases.caseRecord(caseNumber).id()).get(0).id();
        // Two of the four facts established; the application's "6 visits" stays unconfirmed.
        establish(caseNumber, reviewer, """
                {"facts": [{"name": "adjunctToActiveTherapy", "value": true, "documentId": %d, "page": 3},
                           {"name": "exceptionFlag", "notDocumented": true}]}""".formatted(report))
                .andExpect(status().isOk());

        String answer = http(reviewer, "demo").post()
                .uri("/engine-rest/task/{id}/submit-form", task.getId()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("decision", Map.of("value", "UPHELD"))))
                .exchange((request, response) -> response.getStatusCode().value() + " "
                        + new String(response.getBody().readAllBytes()));
        assertThat(answer).startsWith("400 ");
        JsonNode refused = JSON.readTree(answer.substring(4));

        assertThat(refused.findValuesAsText("field")).containsExactly("facts", "facts");
        assertThat(refused.path("message").asText())
                .contains("Visits completed is neither established from the records (document and page) nor marked "
                        + "not documented")
                .contains("Visits requested is neither established").doesNotContain("Adjunct");
        assertThat(cases.task(caseNumber, "DecideItemTask").getId()).isEqualTo(task.getId());
        assertThat(cases.caseRecord(caseNumber).isOpen()).isTrue();
        // "I corrected facts" stays open: it decides nothing.
        taskService.complete(task.getId(), Map.of("recheckFacts", true));

        establish(caseNumber, reviewer, """
                {"facts": [{"name": "priorUnits", "value": 6, "documentId": %d, "page": 3},
                           {"name": "requestedUnits", "notDocumented": true}]}""".formatted(report))
                .andExpect(status().isOk());
        // Without the visits requested the tables leave the item to the reviewer: the task says so at once.
        assertThat(taskService.getVariable(cases.task(caseNumber, "DecideItemTask").getId(), "recommendedOutcome"))
                .isEqualTo("NEEDS_PHYSICIAN_JUDGEMENT");
        cases.complete(caseNumber, "DecideItemTask", Map.of("decision", "UPHELD",
                "ownCitation", "MTUS Chronic Pain Medical Treatment Guidelines (2009), Massage therapy, page 60 of 127",
                "ownRationale", "The records do not state the visits requested; six more exceed the guideline."));
        assertThat(cases.tasks(caseNumber, "DecideItemTask")).isEmpty();
    }

    @Test
    void aFactWithoutItsSourceOrOutsideTheTableIsRefusedAndNothingIsKept() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        String reviewer = cases.task(caseNumber, "DecideItemTask").getAssignee();
        long report = documents.documents(cases.caseRecord(caseNumber).id()).get(0).id();

        establish(caseNumber, reviewer, """
                {"facts": [{"name": "priorUnits", "value": 7},
                           {"name": "dailyMED", "value": 40, "documentId": %d, "page": 1},
                           {"name": "requestedUnits", "value": 6, "documentId": %d, "page": 31},
                           {"name": "exceptionFlag", "notDocumented": true, "value": true}]}""".formatted(report, report))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "facts[0].documentId", "facts[1].name", "facts[2].page", "facts[3].notDocumented")));
        assertThat(facts(caseNumber, reviewer).at("/facts/1/status").asText()).isEqualTo("UNCONFIRMED");

        mvc.perform(put("/api/cases/" + caseNumber + "/items/1/facts").with(httpBasic("intake1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"facts\": []}"))
                .andExpect(status().isForbidden());
    }

    static List<String> categories() {
        return DisputedItemFields.TREATMENT_CATEGORIES;
    }

    /** Every category, filed today: its table's facts established (here, as not documented), then the recommendation. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("categories")
    void anItemOfEachCategoryGoesFromItsFactsToItsRecommendationThroughTheProcess(String category) throws Exception {
        ObjectNode application = TestApplications.seedCase();
        application.put("applicationReceivedDate", "2025-02-24").put("applicationSignedDate", "2025-02-20")
                .put("urDecisionDate", "2025-02-10").put("urDecisionServedDate", "2025-02-12");
        TestApplications.item(application, 0).removeAll().put("requestedTreatment", "Request of " + category)
                .put("treatmentCategory", category).put("requestDate", "2025-02-03");
        String caseNumber = cases.submit(application);
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        Task task = cases.task(caseNumber, "DecideItemTask");
        String reviewer = task.getAssignee();

        JsonNode shown = facts(caseNumber, reviewer);
        List<String> expected = new ArrayList<>();
        new CategoryFactsTestSupport(mvc).clinicalFacts(category, "2025-02-03").forEach(expected::add);
        assertThat(names(shown)).as(category).containsExactlyElementsOf(expected);
        if (!expected.isEmpty()) {
            ArrayNode facts = JSON.createArrayNode();
            expected.forEach(name -> facts.addObject().put("name", name).put("notDocumented", true));
            establish(caseNumber, reviewer, JSON.createObjectNode().set("facts", facts).toString())
                    .andExpect(status().isOk());
        }
        JsonNode established = facts(caseNumber, reviewer);
        established.get("facts").forEach(fact -> assertThat(fact.get("status").asText()).isEqualTo("NOT_DOCUMENTED"));

        taskService.complete(task.getId(), Map.of("recheckFacts", true));
        Task again = cases.task(caseNumber, "DecideItemTask");
        assertThat(taskService.getVariable(again.getId(), "recommendationRuleIds")).as(category)
                .isEqualTo(String.join(", ", names(established.get("recommendation").get("ruleIds"))));
        assertThat(taskService.getVariable(again.getId(), "recommendedOutcome"))
                .isEqualTo(established.at("/recommendation/outcome").asText());
        cases.decideAllItems(caseNumber, "UPHELD");
        assertThat(cases.tasks(caseNumber, "DecideItemTask")).isEmpty();
    }

    private JsonNode facts(String caseNumber, String reviewer) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/cases/" + caseNumber + "/items/1/facts")
                        .with(httpBasic(reviewer, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private ResultActions establish(String caseNumber, String reviewer, String body) throws Exception {
        return mvc.perform(put("/api/cases/" + caseNumber + "/items/1/facts").with(httpBasic(reviewer, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static List<String> names(JsonNode view) {
        List<String> names = new ArrayList<>();
        JsonNode list = view.isArray() ? view : view.get("facts");
        list.forEach(entry -> names.add(entry.isTextual() ? entry.asText() : entry.at("/fact/name").asText()));
        return names;
    }

    /** The clinical facts the facts API lists for a category, to compare the item's view with. */
    private record CategoryFactsTestSupport(MockMvc mvc) {

        List<String> clinicalFacts(String category, String requestDate) throws Exception {
            JsonNode facts = JSON.readTree(mvc.perform(get("/api/guidelines/categories/" + category + "/facts")
                            .param("requestDate", requestDate).with(httpBasic("analyst1", "demo")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            List<String> names = new ArrayList<>();
            facts.get("facts").forEach(fact -> {
                if (!fact.get("fromApplication").asBoolean()) {
                    names.add(fact.get("name").asText());
                }
            });
            return names;
        }
    }
}
