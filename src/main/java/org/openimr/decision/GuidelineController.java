package org.openimr.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.List;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.DisputedItem;
import org.openimr.system.InputReader;
import org.openimr.system.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
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

    @Operation(summary = "Evaluate one disputed item (the intake API's item fields) against the deployed tables")
    @ApiResponse(responseCode = "200", description = "The recommendation with every finding")
    @ApiResponse(responseCode = "400", description = "Invalid fields, each named with its problem")
    @PostMapping(path = "/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Recommendation evaluate(@RequestBody JsonNode body) {
        InputReader in = InputReader.of(body);
        DisputedItem item = ApplicationParser.item(in);
        in.rejectUnknownFields();
        in.throwIfInvalid();
        return evaluator.evaluate(item);
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
