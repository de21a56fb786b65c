package org.openimr.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openimr.decision.Recommendation.Outcome;
import org.openimr.intake.CaseRecord;
import org.openimr.intake.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * Completing "Decide disputed item": keeps the reviewer's decision beside the recommendation.
 * Deciding against the recommendation, or where the tables left it to physician judgement,
 * takes the reviewer's own rationale and citation; otherwise the guideline's are adopted.
 */
@Component("decideItem")
class DecideItemListener implements TaskListener {

    private final CaseRegistry registry;
    private final ItemDecisions itemDecisions;

    DecideItemListener(CaseRegistry registry, ItemDecisions itemDecisions) {
        this.registry = registry;
        this.itemDecisions = itemDecisions;
    }

    @Override
    public void notify(DelegateTask task) {
        String decisionText = (String) task.getVariable("decision");
        if (decisionText == null) {
            throw new IllegalArgumentException("Choose Upheld or Overturned");
        }
        ItemDecision decision = ItemDecision.valueOf(decisionText);
        Outcome recommended = Outcome.valueOf((String) task.getVariable("recommendedOutcome"));
        boolean ownReasoningNeeded = !decision.agreesWith(recommended);
        String citation;
        String rationale;
        if (ownReasoningNeeded) {
            citation = text(task.getVariable("ownCitation"));
            rationale = text(task.getVariable("ownRationale"));
            if (citation == null || rationale == null) {
                throw new IllegalArgumentException(recommended == Outcome.NEEDS_PHYSICIAN_JUDGEMENT
                        ? "The guideline tables leave this item to your judgement: give your own rationale and citation"
                        : "Your decision departs from the guideline recommendation: give your own rationale and citation");
            }
        } else {
            citation = (String) task.getVariable("recommendationCitation");
            String edited = text(task.getVariable("decisionRationale"));
            rationale = edited != null ? edited : (String) task.getVariable("recommendationRationale");
        }
        if (!rationale.contains(decision.conclusion())) {
            rationale = rationale + " " + decision.conclusion();
        }
        CaseRecord record = registry.findByCaseNumber((String) task.getVariable("caseNumber")).orElseThrow();
        int itemNo = ((Number) task.getVariable("itemNo")).intValue();
        itemDecisions.storeDecision(record.id(), itemNo, decision, citation, rationale,
                recommended != Outcome.NEEDS_PHYSICIAN_JUDGEMENT && ownReasoningNeeded,
                task.getAssignee());
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }
}
