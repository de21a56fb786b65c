package org.openimr.decision;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openimr.cases.CaseDocuments;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.DisputedItem;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Component;

/**
 * What the "Decide disputed item" form shows of an item: its facts with their sources and the
 * recommendation those facts give (stored beside the item, as the letter states it). Computed when
 * "Apply guideline rules" runs, and again each time the reviewer establishes facts in the facts
 * step, so that the task shows the facts as they are whenever it is opened.
 */
@Component
class DecideItemFormVariables {

    private final CaseRegistry registry;
    private final GuidelineEvaluator evaluator;
    private final ItemDecisions itemDecisions;
    private final EstablishedFacts establishedFacts;
    private final CaseDocuments documents;

    DecideItemFormVariables(CaseRegistry registry, GuidelineEvaluator evaluator, ItemDecisions itemDecisions,
            EstablishedFacts establishedFacts, CaseDocuments documents) {
        this.registry = registry;
        this.evaluator = evaluator;
        this.itemDecisions = itemDecisions;
        this.establishedFacts = establishedFacts;
        this.documents = documents;
    }

    /**
     * The form's variables of the item: evaluates its guideline table on the facts as established (what
     * the application gave, with the reviewer's established facts in its place) and stores the
     * recommendation. A note the recommendation has none of is null, so that the form hides it.
     */
    Map<String, Object> of(CaseRecord record, int itemNo, Date dateOfInjury) {
        StoredItem stored = registry.items(record.id()).get(itemNo - 1);
        DisputedItem given = withDateOfInjury(ItemFactsController.parse(stored), dateOfInjury);
        Map<String, EstablishedFacts.Fact> facts = establishedFacts.of(record.id(), itemNo);
        Recommendation recommendation = evaluator.evaluate(EstablishedFacts.applied(given, facts));
        itemDecisions.storeRecommendation(record.id(), itemNo, recommendation);

        Map<String, Object> variables = new HashMap<>();
        variables.put("itemNo", itemNo);
        variables.put("requestedTreatment", stored.requestedTreatment());
        Map<Long, String> titles = new HashMap<>();
        documents.documents(record.id()).forEach(document -> titles.put(document.id(), document.title()));
        variables.put("itemFacts", ItemFacts.describe(given,
                evaluator.facts(given.treatmentCategory(), given.requestDate()), facts, titles));
        variables.put("recommendedOutcome", recommendation.outcome().name());
        variables.put("recommendationRuleIds", String.join(", ", recommendation.ruleIds()));
        variables.put("recommendationCitation", recommendation.citation());
        variables.put("recommendationRationale", recommendation.rationale());
        variables.put("citationConfidence", recommendation.citationConfidence());
        variables.put("advisoryNote", recommendation.advisory() == null ? null : recommendation.advisory().note());
        variables.put("formularyNote", recommendation.formulary() == null ? null
                : recommendation.formulary().note() + " (" + recommendation.formulary().citation() + ")");
        return variables;
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
}
