package org.openimr.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.CaseDocuments;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.DisputedItem;
import org.openimr.cases.ReviewItems;
import org.openimr.system.CaseClock;
import org.openimr.system.InputReader;
import org.springframework.stereotype.Component;

/**
 * "Apply guideline rules" (a business rule task, one per disputed item, and again each time the
 * reviewer corrects its facts): evaluates the item's guideline table on the facts as established
 * (what the application gave, with the reviewer's established facts in its place) and hands the
 * recommendation and the facts with their sources to the "Decide disputed item" form.
 */
@Component("applyGuidelineRules")
class ApplyGuidelineRulesDelegate implements JavaDelegate {

    private final CaseRegistry registry;
    private final GuidelineEvaluator evaluator;
    private final ItemDecisions itemDecisions;
    private final ObjectMapper objectMapper;
    private final EstablishedFacts establishedFacts;
    private final CaseDocuments documents;

    ApplyGuidelineRulesDelegate(CaseRegistry registry, GuidelineEvaluator evaluator, ItemDecisions itemDecisions,
            ObjectMapper objectMapper, EstablishedFacts establishedFacts, CaseDocuments documents) {
        this.registry = registry;
        this.evaluator = evaluator;
        this.itemDecisions = itemDecisions;
        this.objectMapper = objectMapper;
        this.establishedFacts = establishedFacts;
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        int itemNo = ReviewItems.itemNo(execution, ((Number) execution.getVariable("loopCounter")).intValue());
        StoredItem stored = registry.items(record.id()).get(itemNo - 1);
        DisputedItem given = withDateOfInjury(parse(stored.itemJson()), (Date) execution.getVariable("dateOfInjury"));
        Map<String, EstablishedFacts.Fact> facts = establishedFacts.of(record.id(), itemNo);
        Recommendation recommendation = evaluator.evaluate(EstablishedFacts.applied(given, facts));
        itemDecisions.storeRecommendation(record.id(), itemNo, recommendation);

        execution.setVariableLocal("itemNo", itemNo);
        execution.setVariableLocal("requestedTreatment", stored.requestedTreatment());
        Map<Long, String> titles = new HashMap<>();
        documents.documents(record.id()).forEach(document -> titles.put(document.id(), document.title()));
        execution.setVariableLocal("itemFacts", ItemFacts.describe(given,
                evaluator.facts(given.treatmentCategory(), given.requestDate()), facts, titles));
        execution.setVariableLocal("recommendedOutcome", recommendation.outcome().name());
        execution.setVariableLocal("recommendationRuleIds", String.join(", ", recommendation.ruleIds()));
        execution.setVariableLocal("recommendationCitation", recommendation.citation());
        execution.setVariableLocal("recommendationRationale", recommendation.rationale());
        execution.setVariableLocal("citationConfidence", recommendation.citationConfidence());
        if (recommendation.advisory() != null) {  // most items have none; the form shows the note only where one is set
            execution.setVariableLocal("advisoryNote", recommendation.advisory().note());
        }
        if (recommendation.formulary() != null) {
            execution.setVariableLocal("formularyNote", recommendation.formulary().note() + " ("
                    + recommendation.formulary().citation() + ")");
        }
    }

    /** The statutory visit cap needs the date of injury, which the application gives for the employee. */
    private static DisputedItem withDateOfInjury(DisputedItem item, Date dateOfInjury) {
        if (dateOfInjury == null || item.get("dateOfInjury") != null) {
            return item;
        }
        Map<String, Object> facts = new LinkedHashMap<>(item.facts());
        facts.put("dateOfInjury", CaseClock.dateOf(dateOfInjury.toInstant()));
        return new DisputedItem(facts);
    }

    private DisputedItem parse(String itemJson) {
        try {
            InputReader in = InputReader.of(objectMapper.readTree(itemJson));
            DisputedItem item = ApplicationParser.item(in);
            in.throwIfInvalid();
            return item;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored items are JSON", e);
        }
    }

}
