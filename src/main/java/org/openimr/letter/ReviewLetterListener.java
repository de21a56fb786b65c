package org.openimr.letter;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Completing "Review letter": the QA verdict is kept with the letter version it judged. A letter
 * returned for an item's rationale hands that rationale to the correction task, where the reviewer
 * changes it.
 */
@Component("reviewLetter")
class ReviewLetterListener implements TaskListener {

    /** The item whose rationale QA wants changed, and the rationale the correction task shows to edit. */
    static final String RATIONALE_ITEM = "rationaleItemNo";
    static final String ITEM_RATIONALE = "itemRationale";
    static final String ITEM_TREATMENT = "rationaleItemTreatment";

    private final LetterService letters;
    private final CaseRegistry registry;

    ReviewLetterListener(LetterService letters, CaseRegistry registry) {
        this.letters = letters;
        this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
        Object approved = task.getVariable("letterApproved");
        String note = (String) task.getVariable("qaNote");
        if (!(approved instanceof Boolean)) {
            throw new InvalidInputException("letterApproved", "approve the letter or return it to the reviewer");
        }
        CaseRecord record = registry.caseOf(task);
        if ((Boolean) approved) {
            task.removeVariable(RATIONALE_ITEM);
            letters.approve(record, LetterKind.FINAL_DETERMINATION, note);
            return;
        }
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("qaNote", "say what the reviewer should correct");
        }
        Object itemNo = task.getVariable(RATIONALE_ITEM);
        if (itemNo == null || itemNo instanceof String text && text.isBlank()) {
            task.removeVariable(RATIONALE_ITEM);
            task.removeVariable(ITEM_RATIONALE);
        } else {
            StoredItem item = returnedItem(registry.items(record.id()), itemNo);
            task.setVariable(RATIONALE_ITEM, item.itemNo());
            task.setVariable(ITEM_TREATMENT, item.requestedTreatment());
            task.setVariable(ITEM_RATIONALE, item.decisionRationale());
        }
        letters.returnForCorrection(record, LetterKind.FINAL_DETERMINATION, note);
    }

    private static StoredItem returnedItem(List<StoredItem> items, Object itemNo) {
        String problem = "give the number of an item of this letter, 1 to " + items.size();
        int number;
        try {
            number = itemNo instanceof Number n ? n.intValue() : Integer.parseInt(itemNo.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(RATIONALE_ITEM, problem);
        }
        return items.stream().filter(item -> item.itemNo() == number && item.decision() != null).findFirst()
                .orElseThrow(() -> new InvalidInputException(RATIONALE_ITEM, problem));
    }
}
