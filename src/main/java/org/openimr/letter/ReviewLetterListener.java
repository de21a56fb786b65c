package org.openimr.letter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.InvalidInputException;
import org.springframework.stereotype.Component;

/** Completing "Review letter": the QA verdict is kept with the letter version it judged. */
@Component("reviewLetter")
class ReviewLetterListener implements TaskListener {

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
        if ((Boolean) approved) {
            letters.approve(registry.caseOf(task), LetterKind.FINAL_DETERMINATION, note);
        } else if (note == null || note.isBlank()) {
            throw new InvalidInputException("qaNote", "say what the reviewer should correct");
        } else {
            letters.returnForCorrection(registry.caseOf(task), LetterKind.FINAL_DETERMINATION, note);
        }
    }
}
