package org.openimr.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * One name per clinical fact, and the deployed table as the one source of the facts a category
 * needs: the facts list, and what an evaluation ignored or missed.
 */
class CategoryFactsTest extends CaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    CaseDocuments documents;

    private static ObjectNode item(String category, String treatment) {
        return JSON.createObjectNode().put("requestedTreatment", treatment).put("treatmentCategory", category)
                .put("requestDate", "2014-06-20");
    }

    private ResultActions evaluate(ObjectNode item) throws Exception {
        return mvc.perform(post("/api/guidelines/evaluate").with(httpBasic("analyst1", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(TestApplications.json(item)));
    }

    @Test
    void gabapentinTenWeeksIsEvaluatedOnTheWeeksGiven() throws Exception {
        evaluate(item("AED", "Gabapentin 300 mg").put("neuropathicPain", true).put("durationWeeks", 10))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ruleIds[0]").value("AED-02"))
                .andExpect(jsonPath("$.rationale", containsString("At 10 weeks")))
                .andExpect(jsonPath("$.ignoredFields").isEmpty())
                .andExpect(jsonPath("$.deprecatedFields").isEmpty());
    }

    @Test
    void theFormerNamesAreReadAsTheFactAndMarkedDeprecated() throws Exception {
        evaluate(item("AED", "Gabapentin 300 mg").put("neuropathicPain", true).put("onDrugWeeks", 10))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rationale", containsString("At 10 weeks")))
                .andExpect(jsonPath("$.deprecatedFields[0].field").value("onDrugWeeks"))
                .andExpect(jsonPath("$.deprecatedFields[0].replacedBy").value("durationWeeks"));
        evaluate(item("SLEEP_AID", "Zolpidem 10 mg").put("drugClass", "Z_DRUG").put("weeksOnDrug", 7)
                        .put("sleepEvaluationDone", true))
                .andExpect(jsonPath("$.ruleIds[0]").value("SLEEP-02"))
                .andExpect(jsonPath("$.deprecatedFields[0].replacedBy").value("durationWeeks"));
        evaluate(item("SLEEP_AID", "Zolpidem 10 mg").put("drugClass", "Z_DRUG").put("durationWeeks", 7)
                        .put("sleepEvaluationDone", true))
                .andExpect(jsonPath("$.ruleIds[0]").value("SLEEP-02"));
        evaluate(item("CTS_SURGERY", "Carpal tunnel release").put("clinicalFindingsPositive", true)
                        .put("edxConfirmed", true).put("conservativeCareFailed", false).put("severity", "MODERATE"))
                .andExpect(jsonPath("$.ruleIds[0]").value("CTSS-03"))
                .andExpect(jsonPath("$.deprecatedFields[0].replacedBy").value("failedConservativeCare"));
        evaluate(item("CTS_SURGERY", "Carpal tunnel release").put("clinicalFindingsPositive", true)
                        .put("edxConfirmed", true).put("failedConservativeCare", false).put("severity", "MODERATE"))
                .andExpect(jsonPath("$.ruleIds[0]").value("CTSS-03"));
        evaluate(item("FRP", "Functional restoration, 10 days").put("frpCriteriaMet", true).put("priorFrpDays", 10)
                        .put("requestedUnits", 10).put("gainsDocumented", true))
                .andExpect(jsonPath("$.ruleIds[0]").value("FRP-05"))
                .andExpect(jsonPath("$.rationale", containsString("10 days completed plus 10 requested = 20")));
        evaluate(item("FRP", "Functional restoration, 10 days").put("frpCriteriaMet", true).put("priorUnits", 10)
                        .put("requestedUnits", 10).put("gainsDocumented", true))
                .andExpect(jsonPath("$.ruleIds[0]").value("FRP-05"));
    }

    @Test
    void aFactGivenUnderBothNamesWithDifferentValuesIsRefused() throws Exception {
        evaluate(item("AED", "Gabapentin").put("onDrugWeeks", 10).put("durationWeeks", 12))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("onDrugWeeks"))
                .andExpect(jsonPath("$.errors[0].problem", containsString("former name of durationWeeks")));
    }

    @Test
    void anEvaluationNamesTheFieldsItsTableIgnoredAndTheFactsItMissed() throws Exception {
        evaluate(item("MASSAGE", "Massage 2x3").put("priorUnits", 6).put("durationWeeks", 10)
                        .put("onDrugWeeks", 10))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ignoredFields", hasItem("durationWeeks")))
                .andExpect(jsonPath("$.ignoredFields", hasItem("onDrugWeeks")))
                .andExpect(jsonPath("$.ignoredFields", not(hasItem("priorUnits"))))
                .andExpect(jsonPath("$.missingFacts", hasItem("requestedUnits")))
                .andExpect(jsonPath("$.missingFacts", hasItem("adjunctToActiveTherapy")))
                .andExpect(jsonPath("$.missingFacts", not(hasItem("priorUnits"))))
                .andExpect(jsonPath("$.missingFacts", not(hasItem("mtusEdition"))));
    }

    @Test
    void theFactsOfACategoryAreReadFromItsDeployedTable() throws Exception {
        JsonNode facts = facts("MASSAGE", "2014-06-20");
        assertThat(facts.get("decisionKey").asText()).isEqualTo("mtus_MASSAGE");
        assertThat(names(facts)).containsExactly("adjunctToActiveTherapy", "priorUnits", "requestedUnits",
                "exceptionFlag");
        JsonNode prior = facts.get("facts").get(1);
        assertThat(prior.get("type").asText()).isEqualTo("integer");
        assertThat(prior.get("readBy").toString()).contains("priorUnits", "totalUnits");
        assertThat(facts.get("derivedInputs").get(0).get("name").asText()).isEqualTo("totalUnits");

        JsonNode current = facts("MRI_LUMBAR", "2025-01-10");
        assertThat(current.get("decisionKey").asText()).isEqualTo("mtus2017_MRI_LUMBAR");
        JsonNode neuro = fact(current, "neuroFindings");
        assertThat(neuro.get("allowedValues").toString()).contains("NONE", "EQUIVOCAL", "UNEQUIVOCAL");
        assertThat(neuro.get("label").asText()).isNotBlank();
        assertThat(names(current)).contains("failedConservativeCare").doesNotContain("conservativeCareFailed");

        mvc.perform(get("/api/guidelines/categories/YOGA/facts").with(httpBasic("analyst1", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
    }

    /**
     * What an analyst does in Modeler: a copy of the massage table with one more input column, deployed.
     * The facts list, the evaluation and the reviewer's facts page of a massage item all take it.
     */
    @Test
    void aColumnAddedToTheTableIsAFactWithoutAJavaChange() throws Exception {
        String table = Files.readString(GuidelineTestCase.FOLDER.resolve("massage.dmn"), StandardCharsets.UTF_8);
        String deploymentId = repositoryService.createDeployment().name("massage with a pain score")
                .addString("massage.dmn", withColumn(table, "painScoreAtRest", "integer", "Pain score at rest (0-10)"))
                .deploy().getId();
        try {
            JsonNode facts = facts("MASSAGE", "2014-06-20");
            JsonNode added = fact(facts, "painScoreAtRest");
            assertThat(added.get("type").asText()).isEqualTo("integer");
            assertThat(added.get("label").asText()).isEqualTo("Pain score at rest (0-10)");
            assertThat(added.get("fromApplication").asBoolean()).isFalse();

            evaluate(item("MASSAGE", "Massage 2x3").put("priorUnits", 6).put("requestedUnits", 6)
                            .put("adjunctToActiveTherapy", false).put("painScoreAtRest", 7))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ignoredFields").isEmpty())
                    .andExpect(jsonPath("$.outcome").value("NOT_MEDICALLY_NECESSARY"));
            evaluate(item("MASSAGE", "Massage 2x3").put("painScoreAtRest", "high"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("painScoreAtRest"));

            // The reviewer's facts page of a massage item asks for it, and takes it with its source.
            String caseNumber = cases.submit(TestApplications.seedCase());
            cases.recordsArrive(caseNumber);
            cases.recordsComplete(caseNumber);
            cases.writeClinicalSummary(caseNumber);
            String reviewer = cases.task(caseNumber, "DecideItemTask").getAssignee();
            long report = documents.documents(cases.caseRecord(caseNumber).id()).get(0).id();
            mvc.perform(get("/api/cases/" + caseNumber + "/items/1/facts").with(httpBasic(reviewer, "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.facts[*].fact.name", hasItem("painScoreAtRest")));
            mvc.perform(put("/api/cases/" + caseNumber + "/items/1/facts").with(httpBasic(reviewer, "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"facts": [{"name": "painScoreAtRest", "value": 7, "documentId": %d, "page": 2}]}"""
                                    .formatted(report)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.facts[4].fact.name").value("painScoreAtRest"))
                    .andExpect(jsonPath("$.facts[4].status").value("ESTABLISHED"));
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
        assertThat(names(facts("MASSAGE", "2014-06-20"))).doesNotContain("painScoreAtRest");
    }

    /** The table with one more input column, read as nothing ("-") by every rule. */
    static String withColumn(String table, String variable, String typeRef, String label) {
        String column = "<input id=\"InputAdded\" label=\"" + label + "\"><inputExpression id=\"InputAddedExpression\" "
                + "typeRef=\"" + typeRef + "\"><text>" + variable + "</text></inputExpression></input>\n      ";
        String withInput = table.replaceFirst("<output ", Matcher.quoteReplacement(column) + "<output ");
        AtomicInteger rule = new AtomicInteger();
        return Pattern.compile("</inputEntry>(\\s*)<outputEntry id=\"([^\"]+)_OutputOutcome\"").matcher(withInput)
                .replaceAll(match -> Matcher.quoteReplacement("</inputEntry>" + match.group(1) + "<inputEntry id=\"Added"
                        + rule.incrementAndGet() + "\"><text></text></inputEntry>" + match.group(1) + "<outputEntry id=\""
                        + match.group(2) + "_OutputOutcome\""));
    }

    private JsonNode facts(String category, String requestDate) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/guidelines/categories/" + category + "/facts")
                        .param("requestDate", requestDate).with(httpBasic("reviewer1", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static JsonNode fact(JsonNode facts, String name) {
        for (JsonNode fact : facts.get("facts")) {
            if (fact.get("name").asText().equals(name)) {
                return fact;
            }
        }
        throw new AssertionError("no fact " + name + " in " + facts);
    }

    private static List<String> names(JsonNode facts) {
        List<String> names = new ArrayList<>();
        facts.get("facts").forEach(fact -> names.add(fact.get("name").asText()));
        return names;
    }
}
