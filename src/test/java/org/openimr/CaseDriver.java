package org.openimr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.intake.IntakeService;
import org.openimr.records.RecordsService;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Moves a case through the engine the way its people would, for process tests. */
public class CaseDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IntakeService intake;
    private final RecordsService records;
    private final CaseRegistry registry;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final String baseUrl;

    public CaseDriver(ApplicationContext context) {
        this.intake = context.getBean(IntakeService.class);
        this.records = context.getBean(RecordsService.class);
        this.registry = context.getBean(CaseRegistry.class);
        this.runtimeService = context.getBean(RuntimeService.class);
        this.taskService = context.getBean(TaskService.class);
        this.managementService = context.getBean(ManagementService.class);
        this.historyService = context.getBean(HistoryService.class);
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public String submit(ObjectNode application) {
        return intake.submit(ApplicationParser.parse(application), "intake1");
    }

    /** Where the case's process instance waits and what it has passed, to assert on. */
    public CaseProgress progress(String caseNumber) {
        return new CaseProgress(history(caseNumber).getId(), runtimeService, historyService);
    }

    public CaseRecord caseRecord(String caseNumber) {
        return registry.caseOf(caseNumber);
    }

    public String processInstanceId(String caseNumber) {
        return caseRecord(caseNumber).processInstanceId();
    }

    /** The claims administrator's records arrive: 2 documents, 54 pages, as in the seed letter. */
    public void recordsArrive(String caseNumber) {
        records.receive(caseNumber, RecordsService.parse(JSON.valueToTree(Map.of("documents", List.of(
                Map.of("title", "Primary treating physician's progress report (PR-2)", "author", "Dr. Test Physician",
                        "date", "2014-06-12", "pages", 30),
                Map.of("title", "Utilization review determination", "author", "Sierra Claims Administrators",
                        "date", "2014-06-27", "pages", 24))))), "intake1");
    }

    public List<Task> tasks(String caseNumber, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .initializeFormKeys().list();
    }

    public Task task(String caseNumber, String taskKey) {
        List<Task> tasks = tasks(caseNumber, taskKey);
        assertThat(tasks).as("open %s tasks of %s", taskKey, caseNumber).hasSize(1);
        return tasks.get(0);
    }

    public void complete(String caseNumber, String taskKey, Map<String, Object> variables) {
        taskService.complete(task(caseNumber, taskKey).getId(), variables);
    }

    /** The application's HTTP API as this demo user would call it, answering JSON. */
    public RestClient as(String user) {
        return RestClient.builder().baseUrl(baseUrl).defaultHeaders(headers -> headers.setBasicAuth(user, "demo"))
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE).build();
    }

    /** The case's screening history as a supervisor reads it ({@code GET /api/cases/{caseNumber}/screening}). */
    public JsonNode screening(String caseNumber) {
        return as("supervisor1").get().uri("/api/cases/{n}/screening", caseNumber).retrieve().body(JsonNode.class);
    }

    /** Intake completes "Screen application" with these answers, having claimed it. */
    public void screen(String caseNumber, Map<String, Object> answers) {
        Task task = task(caseNumber, "ScreenApplicationTask");
        taskService.claim(task.getId(), "intake1");
        taskService.complete(task.getId(), answers);
    }

    /** Intake confirms the eligibility table's findings: the case is not eligible. */
    public void confirmFindings(String caseNumber) {
        Task task = task(caseNumber, "ScreenApplicationTask");
        taskService.claim(task.getId(), "intake1");
        taskService.complete(task.getId(), Map.of("screeningDecision", "INELIGIBLE"));
    }

    public void recordsComplete(String caseNumber) {
        complete(caseNumber, "CheckRecordsCompletenessTask", Map.of("recordsComplete", true));
    }

    public void writeClinicalSummary(String caseNumber) {
        complete(caseNumber, "WriteClinicalSummaryTask", Map.of("pagesReviewed", 54,
                "clinicalSummary", "The claimant was described as a 44-year-old man injured in 2012."));
    }

    /**
     * The reviewer establishes every clinical fact of each open item from the records, through the
     * facts API: the value the application gave, read on page 1 of the case's first document, and a
     * fact the application left empty as not documented; a fact an earlier review established is
     * confirmed with its source. The recommendation stays the one shown.
     */
    public void establishFacts(String caseNumber) {
        for (Task task : tasks(caseNumber, "DecideItemTask")) {
            Object itemNo = taskService.getVariable(task.getId(), "itemNo");
            RestClient reviewer = RestClient.builder().baseUrl(baseUrl)
                    .defaultHeaders(headers -> headers.setBasicAuth(task.getAssignee(), "demo")).build();
            String path = "/api/cases/" + caseNumber + "/items/" + itemNo + "/facts";
            JsonNode view = reviewer.get().uri(path).retrieve().body(JsonNode.class);
            ObjectNode facts = factsAsGiven(view);
            if (!facts.get("facts").isEmpty()) {
                reviewer.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(facts.toString()).retrieve()
                        .toBodilessEntity();
            }
        }
    }

    /**
     * The body that establishes an item's facts (its {@code GET .../facts} view) as they stand: a value with
     * its source, or the case's first document and page 1 where it has none yet; no value, not documented.
     */
    public static ObjectNode factsAsGiven(JsonNode view) {
        JsonNode firstDocument = view.path("documents").path(0);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode facts = body.putArray("facts");
        view.get("facts").forEach(fact -> {
            ObjectNode established = facts.addObject().put("name", fact.at("/fact/name").asText());
            if (!fact.hasNonNull("value") || firstDocument.isMissingNode() && !fact.hasNonNull("source")) {
                established.put("notDocumented", true);
            } else if (fact.hasNonNull("source")) {
                established.set("value", fact.get("value"));
                established.put("documentId", fact.at("/source/documentId").asLong())
                        .put("page", fact.at("/source/page").asInt());
            } else {
                established.set("value", fact.get("value"));
                established.put("documentId", firstDocument.get("id").asLong()).put("page", 1);
            }
        });
        return body;
    }

    /**
     * The reviewer establishes the facts ({@link #establishFacts}) and decides every open item: with the
     * recommendation where it is definite, else as given.
     */
    public void decideAllItems(String caseNumber, String decisionWhereUndecided) {
        establishFacts(caseNumber);
        for (Task task : tasks(caseNumber, "DecideItemTask")) {
            String recommended = (String) taskService.getVariable(task.getId(), "recommendedOutcome");
            String decision = switch (recommended) {
                case "NOT_MEDICALLY_NECESSARY" -> "UPHELD";
                case "MEDICALLY_NECESSARY" -> "OVERTURNED";
                default -> decisionWhereUndecided;
            };
            Map<String, Object> answers = new HashMap<>(Map.of("decision", decision));
            if ("NEEDS_PHYSICIAN_JUDGEMENT".equals(recommended)) {
                answers.put("ownCitation", "MTUS Chronic Pain Medical Treatment Guidelines (2009), Opioids, page 80 of 127");
                answers.put("ownRationale", "The reviewer weighed the documented function and monitoring.");
            }
            taskService.complete(task.getId(), answers);
        }
    }

    /** The decision that departs from the item's recommendation (Overturned where it is left to judgement). */
    public String decisionAgainstRecommendation(String decideTaskId) {
        return "MEDICALLY_NECESSARY".equals(taskService.getVariable(decideTaskId, "recommendedOutcome"))
                ? "UPHELD" : "OVERTURNED";
    }

    public void approveLetter(String caseNumber) {
        complete(caseNumber, "ReviewLetterTask", Map.of("letterApproved", true));
    }

    /** Runs the jobs the job executor would (it is off in tests), e.g. issuing the letter. */
    public void runJobs(String caseNumber) {
        for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId(caseNumber))
                .executable().list()) {
            managementService.executeJob(job.getId());
        }
    }

    public Job timer(String caseNumber, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId(caseNumber))
                .activityId(activityId).timers().singleResult();
    }

    /** The case's process instance now: the latest, once a remand started another on the same case. */
    public HistoricProcessInstance history(String caseNumber) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
    }

    /** Letter text with its line breaks and spacing collapsed, to search for sentences. */
    public static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Text with every whitespace removed, for comparisons that line breaks must not disturb. */
    public static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    public Object variable(String caseNumber, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId(caseNumber))
                .variableName(name).singleResult().getValue();
    }
}
