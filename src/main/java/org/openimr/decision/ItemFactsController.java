package org.openimr.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.CaseDocuments;
import org.openimr.cases.CaseDocuments.SourceDocument;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.DisputedItem;
import org.openimr.cases.DisputedItemFields;
import org.openimr.cases.ItemField;
import org.openimr.system.ConflictException;
import org.openimr.system.InputReader;
import org.openimr.system.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The facts section of "Decide disputed item": the clinical facts the item's category table reads,
 * pre-filled with what the application gave, each established by the reviewer from the records with
 * its source (a document and page of the case file) or marked not documented, and the
 * recommendation those facts give.
 */
@RestController
@RequestMapping(path = "/api/cases/{caseNumber}/items/{itemNo}/facts", produces = MediaType.APPLICATION_JSON_VALUE)
class ItemFactsController {

    static final String DECIDE_TASK = "DecideItemTask";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FACTS = 200;

    private final CaseRegistry registry;
    private final CaseDocuments documents;
    private final EstablishedFacts established;
    private final GuidelineEvaluator evaluator;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final DecideItemFormVariables formVariables;

    ItemFactsController(CaseRegistry registry, CaseDocuments documents, EstablishedFacts established,
            GuidelineEvaluator evaluator, TaskService taskService, RuntimeService runtimeService,
            DecideItemFormVariables formVariables) {
        this.registry = registry;
        this.documents = documents;
        this.established = established;
        this.evaluator = evaluator;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.formVariables = formVariables;
    }

    /**
     * A fact as the reviewer sees it: what the table asks, the value now, its status and its source;
     * {@code establishedInReview} where it was established, and {@code fromEarlierReview} while it is as an
     * earlier review of the case (before a remand) established it, for this review's reviewer to confirm or change.
     */
    record FactView(CategoryFacts.Fact fact, Object value, String status, Source source, Integer establishedInReview,
            boolean fromEarlierReview) {
    }

    /** Where a value was read: a document of the case file and a page of it. */
    record Source(long documentId, String title, int page) {
    }

    /** The item's facts, the case's documents to cite, and the recommendation these facts give. */
    record ItemFactsView(String caseNumber, int itemNo, String requestedTreatment, String treatmentCategory,
            boolean decisionOpen, List<FactView> facts, List<SourceDocument> documents, Recommendation recommendation) {
    }

    @Operation(summary = "The clinical facts of a disputed item, each with its status and source, and the "
            + "recommendation they give (the people on the case)")
    @GetMapping
    ItemFactsView facts(@PathVariable String caseNumber, @PathVariable int itemNo) {
        CaseRecord record = registry.caseOf(caseNumber);
        return view(record, item(record, itemNo), itemNo);
    }

    @Operation(summary = "Establish facts of a disputed item from the records (the assigned reviewer, while the "
            + "item is being decided)", description = """
            {"facts": [{"name": "priorUnits", "value": 6, "documentId": 41, "page": 3},
                       {"name": "exceptionFlag", "notDocumented": true}]}: a value with the document and page it \
            is read on, or notDocumented. Only the facts the item's category table reads. The item's             "Decide disputed item" task shows the facts and the recommendation they give from then on.""")
    @ApiResponse(responseCode = "400", description = "Each bad fact named with its problem")
    @ApiResponse(responseCode = "409", description = "The item is not being decided")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ItemFactsView establish(@PathVariable String caseNumber, @PathVariable int itemNo, @RequestBody JsonNode body,
            Authentication user) {
        CaseRecord record = registry.openCase(caseNumber);
        StoredItem stored = item(record, itemNo);
        Task decide = decideTask(caseNumber, itemNo)
                .orElseThrow(() -> new ConflictException("Item " + itemNo + " of case " + caseNumber + " is not being decided"));
        DisputedItem item = parse(stored);
        CategoryFacts table = evaluator.facts(item.treatmentCategory(), item.requestDate());
        InputReader in = InputReader.of(body);
        List<EstablishedFacts.Fact> facts = new ArrayList<>();
        in.objects("facts", 1, MAX_FACTS, fact -> facts.add(fact(fact, table, record.id(), user.getName())));
        in.rejectUnknownFields();
        in.throwIfInvalid();
        established.save(record.id(), itemNo, facts);
        // The task's form shows what the task holds: the facts just established, not those of when it was created.
        runtimeService.setVariablesLocal(decide.getExecutionId(),
                formVariables.of(record, itemNo, (Date) taskService.getVariable(decide.getId(), "dateOfInjury")));
        return view(record, stored, itemNo);
    }

    private EstablishedFacts.Fact fact(InputReader in, CategoryFacts table, long caseId, String user) {
        String name = in.text("name", true, 100);
        Boolean notDocumented = in.bool("notDocumented", false);
        CategoryFacts.Fact fact = name == null ? null
                : table.clinicalFacts().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        if (name != null && fact == null) {
            in.problem("name", "is not a clinical fact of this item's guideline table");
            in.has("value");  // a value for that name is not a second problem
        }
        Object value = fact == null ? null : value(in, fact);
        Long documentId = in.has("documentId") ? in.integer("documentId", false, 1, Integer.MAX_VALUE).longValue() : null;
        Integer page = in.integer("page", false, 1, 100_000);
        in.rejectUnknownFields();
        if (Boolean.TRUE.equals(notDocumented)) {
            if (value != null || documentId != null || page != null) {
                in.problem("notDocumented", "a fact marked not documented has no value, document or page");
            }
            return new EstablishedFacts.Fact(name, null, true, null, null, user);
        }
        if (fact != null && value == null) {
            in.problem("value", "give the value read in the records, or mark the fact notDocumented");
        }
        if (documentId == null || page == null) {
            in.problem(documentId == null ? "documentId" : "page",
                    "give the document and page the value is read on");
        } else {
            SourceDocument document = documents.document(caseId, documentId).orElse(null);
            if (document == null) {
                in.problem("documentId", "is not a document of this case");
            } else if (page > document.pages()) {
                in.problem("page", "must be at most " + document.pages() + ", the pages of " + document.title());
            }
        }
        return new EstablishedFacts.Fact(name, value, false, documentId, page, user);
    }

    /** The value as the fact's type reads it; a field of the data dictionary keeps its own limits. */
    private static Object value(InputReader in, CategoryFacts.Fact fact) {
        ItemField field = DisputedItemFields.byName(fact.name());
        return switch (fact.type() == null ? "string" : fact.type()) {
            case "boolean" -> in.bool("value", false);
            case "integer", "long" -> in.integer("value", false, field == null ? Integer.MIN_VALUE : field.min(),
                    field == null ? Integer.MAX_VALUE : field.max());
            case "double" -> {
                BigDecimal number = in.decimal("value", false,
                        BigDecimal.valueOf(field == null ? -Double.MAX_VALUE : field.min()),
                        BigDecimal.valueOf(field == null ? Double.MAX_VALUE : field.max()));
                yield number == null ? null : number.doubleValue();
            }
            case "date" -> in.date("value", false);
            default -> fact.allowedValues().isEmpty() ? in.text("value", false, field == null ? 2000 : field.max())
                    : in.oneOf("value", false, fact.allowedValues());
        };
    }

    private ItemFactsView view(CaseRecord record, StoredItem stored, int itemNo) {
        DisputedItem given = parse(stored);
        CategoryFacts table = evaluator.facts(given.treatmentCategory(), given.requestDate());
        Map<String, EstablishedFacts.Fact> facts = established.of(record.id(), itemNo);
        List<SourceDocument> caseDocuments = documents.documents(record.id());
        List<FactView> views = new ArrayList<>();
        for (CategoryFacts.Fact fact : table.clinicalFacts()) {
            EstablishedFacts.Fact done = facts.get(fact.name());
            if (done == null) {
                Object value = given.get(fact.name());
                views.add(new FactView(fact, value, value == null ? "EMPTY" : "UNCONFIRMED", null, null, false));
            } else if (done.notDocumented()) {
                views.add(new FactView(fact, null, "NOT_DOCUMENTED", null, done.reviewNo(), done.fromEarlierReview()));
            } else {
                String title = caseDocuments.stream().filter(d -> d.id() == done.documentId()).map(SourceDocument::title)
                        .findFirst().orElse("");
                views.add(new FactView(fact, done.value(), "ESTABLISHED",
                        new Source(done.documentId(), title, done.page()), done.reviewNo(), done.fromEarlierReview()));
            }
        }
        Recommendation recommendation = evaluator.evaluate(EstablishedFacts.applied(given, facts));
        return new ItemFactsView(record.caseNumber(), itemNo, stored.requestedTreatment(), stored.treatmentCategory(),
                record.isOpen() && decideTask(record.caseNumber(), itemNo).isPresent(), views, caseDocuments,
                recommendation);
    }

    /** The open "Decide disputed item" task of the item, while it is being decided. */
    private Optional<Task> decideTask(String caseNumber, int itemNo) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(DECIDE_TASK)
                .list().stream().filter(task -> Integer.valueOf(itemNo).equals(taskService.getVariable(task.getId(),
                        "itemNo"))).findFirst();
    }

    private StoredItem item(CaseRecord record, int itemNo) {
        List<StoredItem> items = registry.items(record.id());
        if (itemNo < 1 || itemNo > items.size()) {
            throw new NotFoundException("Case " + record.caseNumber() + " has no item " + itemNo);
        }
        return items.get(itemNo - 1);
    }

    static DisputedItem parse(StoredItem stored) {
        try {
            InputReader in = InputReader.of(JSON.readTree(stored.itemJson()));
            DisputedItem item = ApplicationParser.item(in);
            in.throwIfInvalid();
            return item;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored items are JSON", e);
        }
    }
}
