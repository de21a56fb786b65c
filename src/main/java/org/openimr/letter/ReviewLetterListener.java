package org.openimr.letter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openimr.system.InvalidInputException;
import org.springframework.stereotype.Component;

/** Completing "Review letter": the QA verdict is kept with the letter version it judged. */
@Component("reviewLetter")
class ReviewLetterListener implements TaskListener {

    private final LetterService letters;

    ReviewLetterListener(LetterService letters) {
        this.letters = letters;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseNumber = (String) task.getVariable("caseNumber");
        Object approved = task.getVariable("letterApproved");
        String note = (String) task.getVariable("qaNote");
        if (!(approved instanceof Boolean)) {
            throw new InvalidInputException("letterApproved", "approve the letter or return it to the reviewer");
        }
        if ((Boolean) approved) {
            letters.approve(caseNumber, LetterKind.FINAL_DETERMINATION, note);
        } else if (note == null || note.isBlank()) {
            throw new InvalidInputException("qaNote", "say what the reviewer should correct");
        } else {
            letters.returnForCorrection(caseNumber, LetterKind.FINAL_DETERMINATION, note);
        }
    }
}
