package org.openimr.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.DisputedItemFields;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The guideline API: evaluate an item, departure rates per rule, the recommendation a reviewer sees. */
class GuidelineControllerTest extends CaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskService taskService;

    @Test
    void theSeedLettersItemIsNotMedicallyNecessaryNamingBothFailedCriteria() throws Exception {
        mvc.perform(post("/api/guidelines/evaluate").with(httpBasic("analyst1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(TestApplications.json(seedItem())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("NOT_MEDICALLY_NECESSARY"))
                .andExpect(jsonPath("$.ruleIds", containsInAnyOrder("MASSAGE-01", "MASSAGE-04")))
                .andExpect(jsonPath("$.citation").value(
                        "MTUS Chronic Pain Medical Treatment Guidelines (2009), Massage therapy, page 60 of 127"))
                .andExpect(jsonPath("$.rationale", containsString(
                        "6 visits completed plus 6 requested = 12 visits, above the 4-6 visit limit")))
                .andExpect(jsonPath("$.rationale", containsString("no exercise programme")))
                .andExpect(jsonPath("$.citationConfidence").value("CONFIRMED"))
                .andExpect(jsonPath("$.findings.length()").value(2));
    }

    @Test
    void badFieldsAreEachNamed() throws Exception {
        ObjectNode item = seedItem();
        item.put("priorUnits", "six");
        item.put("treatmentCategory", "YOGA");
        item.put("painLevel", 7);
        item.remove("requestDate");

        mvc.perform(post("/api/guidelines/evaluate").with(httpBasic("analyst1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(TestApplications.json(item)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("priorUnits", "treatmentCategory", "painLevel", "requestDate")));
    }

    @Test
    void evaluationNeedsCredentials() throws Exception {
        mvc.perform(post("/api/guidelines/evaluate").contentType(MediaType.APPLICATION_JSON)
                        .content(TestApplications.json(seedItem())))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theStatutoryCapIsAnAdvisoryNoteNotTheOutcome() throws Exception {
        ObjectNode item = JSON.createObjectNode().put("requestedTreatment", "Chiropractic, lumbar, 2x6")
                .put("treatmentCategory", "CHIRO").put("bodyRegion", "LUMBAR").put("requestDate", "2014-06-20")
                .put("priorUnits", 6).put("requestedUnits", 12).put("functionalImprovement", true)
                .put("cumulativeVisitsThisInjury", 20).put("dateOfInjury", "2012-04-16");

        mvc.perform(post("/api/guidelines/evaluate").with(httpBasic("analyst1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(TestApplications.json(item)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("MEDICALLY_NECESSARY"))
                .andExpect(jsonPath("$.advisory.capStatus").value("CAP_EXCEEDED"))
                .andExpect(jsonPath("$.advisory.note", containsString("20 visits used for this injury plus 12 requested = 32")));
    }

    @Test
    void theReviewerSeesTheRecommendationAndADepartureCountsAgainstBothRules() throws Exception {
        Map<String, long[]> before = departures();
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.establishFacts(caseNumber);
        Task task = cases.task(caseNumber, "DecideItemTask");
        Map<String, Object> shown = taskService.getVariables(task.getId());
        assertThat(shown).containsEntry("recommendedOutcome", "NOT_MEDICALLY_NECESSARY")
                .containsEntry("recommendationRuleIds", "MASSAGE-01, MASSAGE-04")
                .containsEntry("citationConfidence", "CONFIRMED");
        assertThat((String) shown.get("recommendationCitation")).contains("page 60 of 127");
        assertThat((String) shown.get("recommendationRationale")).contains("6 visits completed plus 6 requested = 12 visits",
                "no exercise programme");

        taskService.complete(task.getId(), Map.of("decision", "OVERTURNED",
                "ownCitation", "Peer-reviewed evidence on massage for chronic neck pain",
                "ownRationale", "The home exercise programme is in the records after all."));

        Map<String, long[]> after = departures();
        for (String rule : new String[] {"MASSAGE-01", "MASSAGE-04"}) {
            long[] was = before.getOrDefault(rule, new long[2]);
            assertThat(after.get(rule)).as(rule).containsExactly(was[0] + 1, was[1] + 1);
        }
    }

    @Test
    void anItemOfEveryCategoryFiledTodayGetsACurrentCitationOrNamesWhatIsOpen() throws Exception {
        String today = CaseClock.today().toString();
        for (String category : DisputedItemFields.TREATMENT_CATEGORIES) {
            if (category.equals("OTHER")) {
                continue;
            }
            ObjectNode item = JSON.createObjectNode().put("requestedTreatment", "Request of " + category)
                    .put("treatmentCategory", category).put("requestDate", today);
            JsonNode recommendation = JSON.readTree(mvc.perform(post("/api/guidelines/evaluate")
                            .with(httpBasic("analyst1", "demo")).contentType(MediaType.APPLICATION_JSON)
                            .content(TestApplications.json(item)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            String ruleIds = recommendation.get("ruleIds").toString();
            assertThat(ruleIds).as(category).doesNotContain("-EDITION").doesNotContain("NO-RULE").doesNotContain("NO-TABLE")
                    .contains("-A");
            assertThat(recommendation.get("citation").asText()).as(category).startsWith("MTUS")
                    .doesNotContain("{").doesNotContain("shared/").doesNotContain(".md");
            if (recommendation.get("outcome").asText().equals("NEEDS_PHYSICIAN_JUDGEMENT")) {
                assertThat(recommendation.get("rationale").asText()).as(category).containsAnyOf("documented",
                        "could not be confirmed", "do not say", "do not show");
            }
        }
    }

    @Test
    void aDrugItemShowsItsFormularyStatusAndWhatItImpliesWithTheRecommendation() throws Exception {
        ObjectNode item = JSON.createObjectNode().put("requestedTreatment", "Norco 10/325, 20 tablets")
                .put("treatmentCategory", "OPIOID").put("drugName", "Norco 10/325").put("requestDate", "2025-06-02")
                .put("opioidPhase", "INITIATION").put("initialVisitWithin7DaysOfInjury", true).put("supplyDays", 4);

        mvc.perform(post("/api/guidelines/evaluate").with(httpBasic("analyst1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(TestApplications.json(item)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("NEEDS_PHYSICIAN_JUDGEMENT"))
                .andExpect(jsonPath("$.ruleIds", containsInAnyOrder("OPIOID-A07")))
                .andExpect(jsonPath("$.citation", containsString("ACOEM Practice Guidelines, Opioids (2017)")))
                .andExpect(jsonPath("$.formulary.formularyStatus").value("NON_EXEMPT"))
                .andExpect(jsonPath("$.formulary.listedDrug").value("hydrocodone with acetaminophen"))
                .andExpect(jsonPath("$.formulary.finding").value("SPECIAL_FILL"))
                .andExpect(jsonPath("$.formulary.prospectiveReviewRequired").value(false))
                .andExpect(jsonPath("$.formulary.specialFillDays").value(4))
                .andExpect(jsonPath("$.formulary.citation").value("MTUS Drug Formulary, 8 CCR 9792.27.12"))
                .andExpect(jsonPath("$.formulary.note", containsString("up to 4 days' supply")));

        item.put("requestDate", "2017-12-29");
        mvc.perform(post("/api/guidelines/evaluate").with(httpBasic("analyst1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(TestApplications.json(item)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.formulary").doesNotExist());
    }

    @Test
    void theReviewerSeesTheFormularyNoteOfADrugItem() {
        ObjectNode application = TestApplications.seedCase();
        application.put("applicationReceivedDate", "2025-02-24").put("applicationSignedDate", "2025-02-20")
                .put("urDecisionDate", "2025-02-10").put("urDecisionServedDate", "2025-02-12");
        TestApplications.item(application, 0).removeAll().put("requestedTreatment", "Compounded cream, 240 g")
                .put("treatmentCategory", "TOPICAL").put("drugName", "Compounded cream (ketoprofen, gabapentin)")
                .put("requestDate", "2025-02-03").put("compounded", true).put("containsNonRecommendedIngredient", true);
        String caseNumber = cases.submit(application);
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);

        Map<String, Object> shown = taskService.getVariables(cases.task(caseNumber, "DecideItemTask").getId());
        assertThat(shown).containsEntry("recommendedOutcome", "NOT_MEDICALLY_NECESSARY")
                .containsEntry("recommendationRuleIds", "TOP-A01");
        assertThat((String) shown.get("formularyNote")).contains("compounded drug must be authorized through prospective review",
                "8 CCR 9792.27.9");
    }

    @Test
    void theRuleReportSaysWhichEditionsEachRuleBelongsTo() throws Exception {
        JsonNode rules = JSON.readTree(mvc.perform(get("/api/guidelines/rules").with(httpBasic("analyst1", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Map<String, JsonNode> byId = new HashMap<>();
        rules.forEach(rule -> byId.put(rule.get("ruleId").asText(), rule));

        assertThat(byId.get("MASSAGE-04").get("decisionKey").asText()).isEqualTo("mtus_MASSAGE");
        assertThat(byId.get("MASSAGE-04").get("editions").toString()).contains("CPMTG_2009").doesNotContain("MTUS_2017");
        assertThat(byId.get("MASSAGE-A04").get("decisionKey").asText()).isEqualTo("mtus2017_MASSAGE");
        assertThat(byId.get("MASSAGE-A04").get("editions").toString()).contains("MTUS_2017_12_01", "MTUS_2021_11_23")
                .doesNotContain("CPMTG");
        assertThat(byId.get("ACU-A03").get("confidence").asText()).isEqualTo("CONFIRMED");
        assertThat(byId.get("X01-EXCEEDED").get("editions")).isEmpty();
        assertThat(byId.get("X03-SPECIAL-FILL").get("decisionKey").asText()).isEqualTo("mtusFormulary");
        mvc.perform(get("/api/guidelines/rules").with(httpBasic("reviewer1", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void onlySupervisorsAndAnalystsSeeDepartures() throws Exception {
        mvc.perform(get("/api/guidelines/departures").with(httpBasic("intake1", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void impactAnalysisRejectsAFileThatIsNotDmn() throws Exception {
        mvc.perform(multipart("/api/guidelines/impact").file(new MockMultipartFile("files", "massage.dmn",
                        "application/xml", "not a model".getBytes())).with(httpBasic("analyst1", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("files[0]")));
    }

    private Map<String, long[]> departures() throws Exception {
        String body = mvc.perform(get("/api/guidelines/departures").with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, long[]> counts = new HashMap<>();
        for (JsonNode rule : JSON.readTree(body)) {
            counts.put(rule.get("ruleId").asText(), new long[] {rule.get("decided").asLong(), rule.get("departed").asLong()});
            if (rule.get("ruleId").asText().startsWith("MASSAGE-0")) {
                assertThat(rule.get("editions").toString()).contains("CPMTG_2009");
            }
        }
        return counts;
    }

    static ObjectNode seedItem() {
        return TestApplications.item(TestApplications.seedCase(), 0).deepCopy();
    }
}
