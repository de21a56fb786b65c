package org.openimr.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.jayway.jsonpath.JsonPath;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The intake API as a client calls it: what it accepts, and every class of input it refuses. */
class CaseApiTest extends CaseTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService taskService;

    @Test
    void anApplicationIsRegisteredWithACaseNumberAndALocation() throws Exception {
        submit(TestApplications.seedCase())
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.matchesPattern("/api/cases/CM14-\\d{7}")))
                .andExpect(jsonPath("$.caseNumber").value(Matchers.matchesPattern("CM14-\\d{7}")))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.stage").value("AWAITING_RECORDS"))
                .andExpect(jsonPath("$.deadlines.recordsDueAt").exists())
                .andExpect(jsonPath("$.disputedItems[0].treatmentCategory").value("MASSAGE"));
    }

    @Test
    void factsGivenUnderAFormerNameAreReadAsTheNewNameAndListedAsDeprecatedPerItem() throws Exception {
        ObjectNode application = TestApplications.threeItemCase();
        ((ObjectNode) application.get("disputedItems").get(1)).put("onDrugWeeks", 10);
        String caseNumber = JsonPath.read(submit(application)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.caseNumber").exists())
                .andExpect(jsonPath("$.deprecatedFields.length()").value(1))
                .andExpect(jsonPath("$.deprecatedFields[0].itemNo").value(2))
                .andExpect(jsonPath("$.deprecatedFields[0].field").value("onDrugWeeks"))
                .andExpect(jsonPath("$.deprecatedFields[0].replacedBy").value("durationWeeks"))
                .andReturn().getResponse().getContentAsString(), "$.caseNumber");

        String stored = jdbc.sql("select i.item_json from imr_disputed_item i join imr_case c on c.id = i.case_id"
                        + " where c.case_number = ? and i.item_no = 2").param(caseNumber).query(String.class).single();
        assertThat(stored).contains("\"durationWeeks\":10").doesNotContain("onDrugWeeks");
        submit(TestApplications.seedCase()).andExpect(jsonPath("$.deprecatedFields").isEmpty());
    }

    @Test
    void aCaseReadsBackWithItsStageItemsAndDecisions() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);

        mvc.perform(get("/api/cases/" + caseNumber).with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("ITEM_DECISIONS"))
                .andExpect(jsonPath("$.deadlines.determinationDueAt").exists())
                .andExpect(jsonPath("$.disputedItems[0].recommendation.outcome").value("NOT_MEDICALLY_NECESSARY"))
                .andExpect(jsonPath("$.disputedItems[0].recommendation.ruleIds", Matchers.hasItems("MASSAGE-01", "MASSAGE-04")))
                .andExpect(jsonPath("$.disputedItems[0].decision").doesNotExist());
    }

    @Test
    void recordsArePostedToTheCase() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        mvc.perform(post("/api/cases/" + caseNumber + "/records").with(httpBasic("intake1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documents\":[{\"title\":\"PR-2\",\"author\":\"Dr. A\",\"date\":\"2014-06-12\",\"pages\":12}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.documentsOnFile").value(1))
                .andExpect(jsonPath("$.pagesOnFile").value(12));
        List<Task> check = cases.tasks(caseNumber, "CheckRecordsCompletenessTask");
        assertThat(check).hasSize(1);
        assertThat(taskService.getVariable(check.get(0).getId(), "pagesReceived")).isEqualTo(12);
        assertThat((String) taskService.getVariable(check.get(0).getId(), "receivedDocuments"))
                .contains("PR-2, Dr. A").endsWith("1 document, 12 pages in all");

        // Records that come once the case has left the wait still reach the completeness check's form.
        mvc.perform(post("/api/cases/" + caseNumber + "/records").with(httpBasic("intake1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documents\":[{\"title\":\"Operative report\",\"author\":\"Dr. B\",\"date\":\"2014-06-20\",\"pages\":30}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.documentsOnFile").value(2));
        assertThat(taskService.getVariable(check.get(0).getId(), "pagesReceived")).isEqualTo(42);
        assertThat((String) taskService.getVariable(check.get(0).getId(), "receivedDocuments"))
                .contains("PR-2, Dr. A", "Operative report, Dr. B").endsWith("2 documents, 42 pages in all");
    }

    @Test
    void aLongDeliveryIsTakenAndItsListEndsWithHowManyMoreThereAre() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        // 20 documents with titles and authors as long as the API takes: some 10,000 characters of list,
        // more than the engine's string variable holds (this delivery was refused with a 500 before).
        StringBuilder documents = new StringBuilder("{\"documents\":[");
        for (int i = 0; i < 20; i++) {
            documents.append(i == 0 ? "" : ",").append("{\"title\":\"").append("Progress report ".repeat(18))
                    .append(i).append("\",\"author\":\"").append("Dr. A ".repeat(33))
                    .append("\",\"date\":\"2014-06-12\",\"pages\":12}");
        }
        mvc.perform(post("/api/cases/" + caseNumber + "/records").with(httpBasic("intake1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(documents.append("]}").toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.documentsOnFile").value(20))
                .andExpect(jsonPath("$.pagesOnFile").value(240));
        String list = (String) taskService.getVariable(
                cases.task(caseNumber, "CheckRecordsCompletenessTask").getId(), "receivedDocuments");
        int listed = list.split("\n- Progress report ", -1).length;  // the first line starts without a newline
        assertThat(list).hasSizeLessThanOrEqualTo(4000).startsWith("- Progress report ")
                .contains("- and " + (20 - listed) + " more documents\n").endsWith("\n20 documents, 240 pages in all");
        assertThat(listed).isBetween(1, 19);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApplications")
    void aBadApplicationIsRefusedNamingEachFieldAndLeavesNothingBehind(String field, Consumer<ObjectNode> change)
            throws Exception {
        ObjectNode application = TestApplications.seedCase();
        change.accept(application);
        long casesBefore = count("select count(*) from imr_case");
        long instancesBefore = processEngine.getRuntimeService().createProcessInstanceQuery().count();

        submit(application)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem(field)))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].problem", Matchers.everyItem(Matchers.not(Matchers.emptyString()))));

        assertThat(count("select count(*) from imr_case")).isEqualTo(casesBefore);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    static Stream<Arguments> badApplications() {
        return Stream.of(
                bad("urDecisionDate", a -> a.remove("urDecisionDate")),
                bad("employee.name", a -> ((ObjectNode) a.get("employee")).remove("name")),
                bad("signed", a -> a.put("signed", "yes")),
                bad("disputedItems[0].priorUnits", a -> TestApplications.item(a, 0).put("priorUnits", "six")),
                bad("disputedItems[0].priorUnits", a -> TestApplications.item(a, 0).put("priorUnits", 6.5)),
                bad("applicationReceivedDate", a -> a.put("applicationReceivedDate", "2014-02-30")),
                bad("applicationReceivedDate", a -> a.put("applicationReceivedDate", "14/07/2014")),
                bad("filedBy", a -> a.put("filedBy", "NEIGHBOUR")),
                bad("disputedItems[0].treatmentCategory", a -> TestApplications.item(a, 0).put("treatmentCategory", "MAGIC")),
                bad("disputedItems[0].bodyRegion", a -> TestApplications.item(a, 0).put("bodyRegion", "ELBOWS")),
                bad("applicationReceivedDate", a -> a.put("applicationReceivedDate", "2099-01-01")),
                bad("urDecisionServedDate", a -> a.put("urDecisionServedDate", "2014-06-01")),
                bad("applicationReceivedDate", a -> a.put("applicationReceivedDate", "2014-06-28")),
                bad("disputedItems[0].requestDate", a -> TestApplications.item(a, 0).put("requestDate", "2014-07-01")),
                bad("employee.dateOfInjury", a -> ((ObjectNode) a.get("employee")).put("dateOfInjury", "1960-01-01")),
                bad("disputedItems", a -> a.putArray("disputedItems")),
                bad("disputedItems", a -> a.remove("disputedItems")),
                bad("disputedItems[0].favouriteColour", a -> TestApplications.item(a, 0).put("favouriteColour", "blue")),
                bad("comment", a -> a.put("comment", "not a field")),
                bad("employee.name", a -> ((ObjectNode) a.get("employee")).put("name", "x".repeat(201))),
                bad("employee.name", a -> ((ObjectNode) a.get("employee")).put("name", "Ann\u0000Lee")),
                bad("disputedItems[0].requestedUnits", a -> TestApplications.item(a, 0).put("requestedUnits", 0)),
                bad("disputedItems", a -> {
                    ArrayNode items = a.putArray("disputedItems");
                    for (int i = 0; i < 21; i++) {
                        items.add(TestApplications.seedCase().get("disputedItems").get(0));
                    }
                }),
                bad("applicationSignedDate", a -> a.remove("applicationSignedDate")));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() throws Exception {
        ObjectNode application = TestApplications.seedCase();
        application.remove("urDecisionDate");
        application.put("expedited", "no");
        TestApplications.item(application, 0).put("priorUnits", -1);
        submit(application)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("urDecisionDate", "expedited",
                        "disputedItems[0].priorUnits")))
                .andExpect(jsonPath("$.errors[*].label", Matchers.containsInAnyOrder(
                        "Utilization review decision: UR decision date", "Application: Expedited review",
                        "Disputed treatment 1: Visits or sessions completed")));
    }

    @Test
    void aProblemOfTheSecondItemIsLabelledAsTheFormLabelsIt() throws Exception {
        ObjectNode application = TestApplications.threeItemCase();
        TestApplications.item(application, 1).put("requestDate", "2099-01-01");
        submit(application)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("disputedItems[1].requestDate"))
                .andExpect(jsonPath("$.errors[0].label").value("Disputed treatment 2: Request (RFA) date"));
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        mvc.perform(post("/api/cases").with(httpBasic("intake1", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"applicationReceivedDate\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(post("/api/cases").with(httpBasic("intake1", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("[1, 2]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void theSameApplicationTwiceIsAConflictNamingTheFirstCase() throws Exception {
        ObjectNode application = TestApplications.seedCase();
        String first = cases.submit(application);
        // Spacing and case of the text, and the order of the items, do not make another application.
        ObjectNode again = application.deepCopy();
        ((ObjectNode) again.get("employee")).put("name", application.get("employee").get("name").asText().toUpperCase() + "  ");
        long casesBefore = count("select count(*) from imr_case");

        submit(again)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.caseNumber").value(first));
        assertThat(count("select count(*) from imr_case")).isEqualTo(casesBefore);
    }

    @Test
    void anUnknownCaseIsNotFoundForThoseWhoSeeEveryCaseAndForbiddenToOthers() throws Exception {
        mvc.perform(get("/api/cases/CM14-9999999").with(httpBasic("supervisor1", "demo"))).andExpect(status().isNotFound());
        String records = "{\"documents\":[{\"title\":\"PR-2\",\"author\":\"Dr. A\",\"date\":\"2014-06-12\",\"pages\":12}]}";
        mvc.perform(post("/api/cases/CM14-9999999/records").with(httpBasic("supervisor1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(records))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/cases/CM14-9999999/withdrawal").with(httpBasic("supervisor1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"EMPLOYEE_WITHDREW\"}"))
                .andExpect(status().isNotFound());
        // Intake staff see open cases only: a number that is no case is not theirs either, so numbers cannot be probed.
        mvc.perform(post("/api/cases/CM14-9999999/records").with(httpBasic("intake1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(records))
                .andExpect(status().isForbidden());
    }

    @Test
    void withoutCredentialsEveryDoorAnswers401() throws Exception {
        mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .content(TestApplications.json(TestApplications.seedCase()))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/cases/CM14-0000001")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/cases/CM14-0000001").with(httpBasic("nobody", "wrong-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void badRecordsAndWithdrawalsAreRefused() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        mvc.perform(post("/api/cases/" + caseNumber + "/records").with(httpBasic("intake1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documents\":[{\"title\":\"\",\"author\":\"Dr. A\",\"date\":\"2099-06-12\",\"pages\":0}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("documents[0].title",
                        "documents[0].date", "documents[0].pages")));
        mvc.perform(post("/api/cases/" + caseNumber + "/withdrawal").with(httpBasic("intake1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"BORED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));

        mvc.perform(post("/api/cases/" + caseNumber + "/withdrawal").with(httpBasic("intake1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"EMPLOYEE_WITHDREW\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.closeReason").value("EMPLOYEE_WITHDREW"));
        mvc.perform(post("/api/cases/" + caseNumber + "/withdrawal").with(httpBasic("supervisor1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"EMPLOYEE_WITHDREW\"}"))
                .andExpect(status().isConflict());
        // A closed case is no longer intake's.
        mvc.perform(post("/api/cases/" + caseNumber + "/withdrawal").with(httpBasic("intake1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"EMPLOYEE_WITHDREW\"}"))
                .andExpect(status().isForbidden());
    }

    private ResultActions submit(ObjectNode application) throws Exception {
        return mvc.perform(post("/api/cases").with(httpBasic("intake1", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(TestApplications.json(application)));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Arguments bad(String field, Consumer<ObjectNode> change) {
        return Arguments.of(field, change);
    }
}
