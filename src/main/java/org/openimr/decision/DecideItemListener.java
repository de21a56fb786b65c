package org.openimr.decision;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.DisputedItem;
import org.openimr.decision.Recommendation.Outcome;
import org.openimr.system.FieldProblem;
import org.openimr.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Completing "Decide disputed item": keeps the reviewer's decision beside the recommendation, or,
 * when the reviewer corrected facts and asks to see the recommendation again, decides nothing and
 * sends the item back through "Apply guideline rules".
 * A decision needs every clinical fact the item's table reads established in the facts section: a
 * value with its document and page, or deliberately marked not documented. A fact only the
 * application stated, or one carried from an earlier review and not yet confirmed, is refused by its
 * label, so that no determination rests on a finding nobody made from the records (LC 4610.6(h)).
 * Deciding against the recommendation, or where the tables left it to physician judgement,
 * takes the reviewer's own rationale and citation; otherwise the guideline's are adopted.
 */
@Component("decideItem")
class DecideItemListener implements TaskListener {

    /** The fields of forms/decide-disputed-item.form. */
    private static final List<String> ANSWERS = List.of("decision", "decisionRationale", "ownCitation", "ownRationale",
            "recheckFacts");
    /** Read by the gateway after the task: the reviewer corrected facts and sees the recommendation again. */
    static final String FACTS_CORRECTED = "factsCorrected";

    private final CaseRegistry registry;
    private final ItemDecisions itemDecisions;
    private final GuidelineEvaluator evaluator;
    private final EstablishedFacts establishedFacts;

    DecideItemListener(CaseRegistry registry, ItemDecisions itemDecisions, GuidelineEvaluator evaluator,
            EstablishedFacts establishedFacts) {
        this.registry = registry;
        this.itemDecisions = itemDecisions;
        this.evaluator = evaluator;
        this.establishedFacts = establishedFacts;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean recheck = Boolean.TRUE.equals(task.getVariable("recheckFacts"));
        task.getExecution().setVariableLocal(FACTS_CORRECTED, recheck);
        if (recheck) {
            ANSWERS.forEach(task::removeVariable);
            return;
        }
        CaseRecord record = registry.caseOf(task);
        int itemNo = ((Number) task.getVariable("itemNo")).intValue();
        requireEstablishedFacts(record, itemNo);
        Object decisionText = task.getVariable("decision");
        ItemDecision decision = Arrays.stream(ItemDecision.values()).filter(d -> d.name().equals(decisionText))
                .findFirst().orElseThrow(() -> new InvalidInputException("decision", "choose Upheld or Overturned"));
        Outcome recommended = Outcome.valueOf((String) task.getVariable("recommendedOutcome"));
        boolean ownReasoningNeeded = !decision.agreesWith(recommended);
        String citation;
        String rationale;
        if (ownReasoningNeeded) {
            citation = text(task.getVariable("ownCitation"));
            rationale = text(task.getVariable("ownRationale"));
            if (citation == null || rationale == null) {
                throw new InvalidInputException(citation == null ? "ownCitation" : "ownRationale",
                        recommended == Outcome.NEEDS_PHYSICIAN_JUDGEMENT
                        ? "the guideline tables leave this item to your judgement: give your own rationale and citation"
                        : "your decision departs from the guideline recommendation: give your own rationale and citation");
            }
        } else {
            citation = (String) task.getVariable("recommendationCitation");
            String edited = text(task.getVariable("decisionRationale"));
            rationale = edited != null ? edited : (String) task.getVariable("recommendationRationale");
        }
        rationale = decision.concluded(rationale);
        itemDecisions.storeDecision(record.id(), itemNo, decision, citation, rationale,
                recommended != Outcome.NEEDS_PHYSICIAN_JUDGEMENT && ownReasoningNeeded,
                task.getAssignee());
        // A submitted answer that no scope declares lands on the case, where the next item's form would
        // show it. Kept in the item's decision row, it is removed in the transaction that set it, so it
        // never reaches the runtime tables; its history keeps it, on this task. Declaring the answers
        // empty in every item's scope instead would write each of them, empty, for every item.
        ANSWERS.forEach(task::removeVariable);
    }

    private void requireEstablishedFacts(CaseRecord record, int itemNo) {
        DisputedItem item = ItemFactsController.parse(registry.items(record.id()).get(itemNo - 1));
        Map<String, EstablishedFacts.Fact> established = establishedFacts.of(record.id(), itemNo);
        List<FieldProblem> open = evaluator.facts(item.treatmentCategory(), item.requestDate()).clinicalFacts().stream()
                .filter(fact -> !established.containsKey(fact.name()) || established.get(fact.name()).fromEarlierReview())
                .map(fact -> new FieldProblem("facts", ItemFacts.labelOf(fact) + (established.containsKey(fact.name())
                        ? " is as the earlier review established it: confirm or change it from the records"
                        : " is neither established from the records (document and page) nor marked not documented")))
                .toList();
        if (!open.isEmpty()) {
            throw new InvalidInputException(open);
        }
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }
}
