package org.openimr.decision;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.decision.Recommendation.Outcome;
import org.openimr.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Completing "Decide disputed item": keeps the reviewer's decision beside the recommendation, or,
 * when the reviewer corrected facts and asks to see the recommendation again, decides nothing and
 * sends the item back through "Apply guideline rules".
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

    DecideItemListener(CaseRegistry registry, ItemDecisions itemDecisions) {
        this.registry = registry;
        this.itemDecisions = itemDecisions;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean recheck = Boolean.TRUE.equals(task.getVariable("recheckFacts"));
        task.getExecution().setVariableLocal(FACTS_CORRECTED, recheck);
        if (recheck) {
            ANSWERS.forEach(task::removeVariable);
            return;
        }
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
        CaseRecord record = registry.caseOf(task);
        int itemNo = ((Number) task.getVariable("itemNo")).intValue();
        itemDecisions.storeDecision(record.id(), itemNo, decision, citation, rationale,
                recommended != Outcome.NEEDS_PHYSICIAN_JUDGEMENT && ownReasoningNeeded,
                task.getAssignee());
        // A submitted answer that no scope declares lands on the case, where the next item's form would
        // show it. Kept in the item's decision row, it is removed in the transaction that set it, so it
        // never reaches the runtime tables; its history keeps it, on this task. Declaring the answers
        // empty in every item's scope instead would write each of them, empty, for every item.
        ANSWERS.forEach(task::removeVariable);
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }
}
