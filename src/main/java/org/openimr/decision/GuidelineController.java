package org.openimr.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.DisputedItem;
import org.openimr.cases.DisputedItemFields;
import org.openimr.system.CaseClock;
import org.openimr.system.InputReader;
import org.openimr.system.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The guideline tables for analysts and supervisors: evaluate one item without a case, see how
 * often reviewers depart from each rule, and see what a changed set of tables would change.
 */
@RestController
@RequestMapping(path = "/api/guidelines", produces = MediaType.APPLICATION_JSON_VALUE)
class GuidelineController {

    private final GuidelineEvaluator evaluator;
    private final ItemDecisions itemDecisions;
    private final CandidateTables candidateTables;
    private final ImpactAnalysis impactAnalysis;

    GuidelineController(GuidelineEvaluator evaluator, ItemDecisions itemDecisions, CandidateTables candidateTables,
            ImpactAnalysis impactAnalysis) {
        this.evaluator = evaluator;
        this.itemDecisions = itemDecisions;
        this.candidateTables = candidateTables;
        this.impactAnalysis = impactAnalysis;
    }

    @Operation(summary = "Evaluate one disputed item (the intake API's item fields) against the deployed tables",
            description = "Also answers ignoredFields (given, but read by no table evaluated for the item), "
                    + "missingFacts (read by the category's table, not given) and deprecatedFields (former field "
                    + "names given, each with its name now; still accepted).")
    @ApiResponse(responseCode = "200", description = "The recommendation with every finding")
    @ApiResponse(responseCode = "400", description = "Invalid fields, each named with its problem")
    @PostMapping(path = "/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Evaluation evaluate(@RequestBody JsonNode body) {
        InputReader in = InputReader.of(body);
        DisputedItem item = ApplicationParser.item(in);
        Map<String, String> formerNames = ApplicationParser.formerNamesUsed(in);
        CategoryFacts facts = item.treatmentCategory() == null || item.requestDate() == null ? null
                : evaluator.facts(item.treatmentCategory(), item.requestDate());
        if (facts != null) {
            item = facts.withTableOnlyFacts(in, item);
        }
        in.rejectUnknownFields();
        in.throwIfInvalid();
        Set<String> read = new HashSet<>(facts.names());
        read.addAll(CategoryFacts.APPLICATION_FIELDS);
        read.addAll(evaluator.factsReadBeside(item));
        DisputedItem evaluated = item;
        List<String> ignored = in.fieldNames().stream().sorted()
                .filter(name -> !read.contains(formerNames.getOrDefault(name, name))).toList();
        List<String> missing = facts.names().stream().filter(name -> evaluated.get(name) == null).toList();
        return new Evaluation(evaluator.evaluate(item), ignored, missing, formerNames.entrySet().stream()
                .map(former -> new Evaluation.FormerField(former.getKey(), former.getValue())).toList());
    }

    @Operation(summary = "The facts a category's guideline table reads, from the deployed table itself",
            description = "Each fact: name, type (the DMN typeRef), allowed values, label and description of its "
                    + "column, whether the application carries it, and the table inputs that read it; derived "
                    + "inputs (e.g. totalUnits) name the facts they are computed from. The table is the one in "
                    + "force on requestDate (default: today).")
    @ApiResponse(responseCode = "400", description = "An unknown category")
    @GetMapping("/categories/{category}/facts")
    CategoryFacts facts(@PathVariable String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestDate) {
        if (!DisputedItemFields.TREATMENT_CATEGORIES.contains(category)) {
            throw new InvalidInputException("category", "must be one of " + DisputedItemFields.TREATMENT_CATEGORIES);
        }
        return evaluator.facts(category, requestDate == null ? CaseClock.today() : requestDate);
    }

    @Operation(summary = "How often reviewers decided against each rule's recommendation, with the table and MTUS "
            + "editions each rule belongs to (supervisors, analysts)")
    @GetMapping("/departures")
    List<Departures> departures() {
        RuleCatalog catalog = candidateTables.current().catalog();
        return itemDecisions.departureRates().stream().map(rate -> {
            RuleCatalog.Entry rule = catalog.entry(rate.ruleId());
            return new Departures(rate.ruleId(), rule.decisionKey(), rule.editions(), rate.decided(), rate.departed(),
                    rate.rate());
        }).toList();
    }

    @Operation(summary = "Every rule id of the deployed tables: its table, the MTUS editions that reach it and its "
            + "citation confidence (supervisors, analysts)")
    @GetMapping("/rules")
    List<RuleCatalog.Entry> rules() {
        return candidateTables.current().catalog().entries();
    }

    @Operation(summary = "Which past recommendations a changed set of tables would change (supervisors, analysts)",
            description = "Give either the id of a deployment (e.g. made from Camunda Modeler) or .dmn files as "
                    + "multipart parts named files; the other deployed tables stay as they are. Optionally limit "
                    + "to applications received from/to (inclusive).")
    @ApiResponse(responseCode = "400", description = "Neither or both of files and deploymentId, or a file that is not DMN")
    @PostMapping("/impact")
    ImpactAnalysis.Report impact(@RequestParam(required = false) List<MultipartFile> files,
            @RequestParam(required = false) String deploymentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        boolean uploaded = files != null && !files.isEmpty();
        if (uploaded == (deploymentId != null)) {
            throw new InvalidInputException("files", "give either .dmn files or a deploymentId");
        }
        InMemoryGuidelineTables tables = uploaded ? candidateTables.withUploads(files)
                : candidateTables.withDeployment(deploymentId);
        return impactAnalysis.analyse(new GuidelineEvaluator(tables), tables.catalog(), from, to);
    }

    /** One rule's departures, as JSON, with the table and MTUS editions the rule belongs to. */
    record Departures(String ruleId, String decisionKey, List<String> editions, long decided, long departed,
            double rate) {
    }
}
