package org.openimr.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.DisputedItem;
import org.springframework.stereotype.Component;

/**
 * The clinical facts an item was decided on, as a letter states them: each fact its category's table
 * reads, with its value in words and where it stands (read in a document and page, not documented in
 * the records, or as the application gave it and never confirmed). Facts neither given nor
 * established are left out.
 */
@Component
public class StatedFacts {

    private final EstablishedFacts established;
    private final GuidelineEvaluator evaluator;

    StatedFacts(EstablishedFacts established, GuidelineEvaluator evaluator) {
        this.established = established;
        this.evaluator = evaluator;
    }

    /** A fact as stated: its label in lower case, its value in words, and its document and page where it was read. */
    public record StatedFact(String label, String value, Long documentId, Integer page, boolean notDocumented) {

        public boolean fromRecords() {
            return documentId != null;
        }
    }

    public List<StatedFact> of(long caseId, StoredItem stored) {
        DisputedItem given = ItemFactsController.parse(stored);
        Map<String, EstablishedFacts.Fact> facts = established.of(caseId, stored.itemNo());
        List<StatedFact> stated = new ArrayList<>();
        for (CategoryFacts.Fact fact : evaluator.facts(given.treatmentCategory(), given.requestDate()).clinicalFacts()) {
            String label = (fact.label() == null ? ItemFacts.labelOf(fact.name()) : fact.label()).toLowerCase(Locale.US);
            EstablishedFacts.Fact done = facts.get(fact.name());
            if (done != null && done.notDocumented()) {
                stated.add(new StatedFact(label, null, null, null, true));
            } else if (done != null) {
                stated.add(new StatedFact(label, ItemFacts.words(done.value()), done.documentId(), done.page(), false));
            } else if (given.get(fact.name()) != null) {
                stated.add(new StatedFact(label, ItemFacts.words(given.get(fact.name())), null, null, false));
            }
        }
        return stated;
    }
}
