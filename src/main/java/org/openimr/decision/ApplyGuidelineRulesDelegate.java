package org.openimr.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.DisputedItem;
import org.openimr.system.CaseClock;
import org.openimr.system.InputReader;
import org.springframework.stereotype.Component;

/**
 * "Apply guideline rules" (a business rule task, one per disputed item): evaluates the item's
 * guideline table and hands the recommendation to the reviewer's "Decide disputed item" form.
 */
@Component("applyGuidelineRules")
class ApplyGuidelineRulesDelegate implements JavaDelegate {

    private final CaseRegistry registry;
    private final GuidelineEvaluator evaluator;
    private final ItemDecisions itemDecisions;
    private final ObjectMapper objectMapper;

    ApplyGuidelineRulesDelegate(CaseRegistry registry, GuidelineEvaluator evaluator, ItemDecisions itemDecisions,
            ObjectMapper objectMapper) {
        this.registry = registry;
        this.evaluator = evaluator;
        this.itemDecisions = itemDecisions;
        this.objectMapper = objectMapper;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        int itemNo = ((Number) execution.getVariable("loopCounter")).intValue() + 1;
        StoredItem stored = registry.items(record.id()).get(itemNo - 1);
        DisputedItem item = withDateOfInjury(parse(stored.itemJson()), (Date) execution.getVariable("dateOfInjury"));
        Recommendation recommendation = evaluator.evaluate(item);
        itemDecisions.storeRecommendation(record.id(), itemNo, recommendation);

        execution.setVariableLocal("itemNo", itemNo);
        execution.setVariableLocal("requestedTreatment", stored.requestedTreatment());
        execution.setVariableLocal("itemFacts", ItemFacts.describe(item));
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
