package org.openimr.letter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.decision.ItemDecision;
import org.openimr.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Completing "Correct letter": a rationale QA returned is stored with its item, so that the next
 * version says it. QA's note moves aside as the returned note, which the next review shows beside
 * what changed; the verdict fields start empty there.
 */
@Component("correctLetter")
class CorrectLetterListener implements TaskListener {

    static final String RETURNED_NOTE = "returnedNote";

    private final CaseRegistry registry;

    CorrectLetterListener(CaseRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getVariable(ReviewLetterListener.RATIONALE_ITEM) instanceof Number itemNo) {
            Object corrected = task.getVariable(ReviewLetterListener.ITEM_RATIONALE);
            if (!(corrected instanceof String text) || text.isBlank()) {
                throw new InvalidInputException(ReviewLetterListener.ITEM_RATIONALE,
                        "give the corrected rationale of item " + itemNo);
            }
            CaseRecord record = registry.caseOf(task);
            String decision = registry.items(record.id()).stream().filter(item -> item.itemNo() == itemNo.intValue())
                    .findFirst().orElseThrow().decision();
            registry.correctRationale(record.id(), itemNo.intValue(), ItemDecision.valueOf(decision).concluded(text));
        }
        task.setVariable(RETURNED_NOTE, task.getVariable("qaNote"));
        for (String answer : new String[] {"qaNote", "letterApproved", ReviewLetterListener.RATIONALE_ITEM,
                ReviewLetterListener.ITEM_RATIONALE, ReviewLetterListener.ITEM_TREATMENT}) {
            task.removeVariable(answer);
        }
    }
}
