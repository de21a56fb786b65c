package org.openimr.records;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openimr.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The pages a reviewer says they reviewed, checked against the pages of medical records received:
 * the letter states the number, so more than were received is a typing error. Called from the
 * complete listener of "Write clinical summary" and "Correct letter":
 * {@code ${pagesReviewedCheck.check(task)}}. A case whose records have not arrived has nothing to
 * check against.
 */
@Component("pagesReviewedCheck")
public class PagesReviewedCheck {

    public void check(DelegateTask task) {
        if (task.getVariable("pagesReviewed") instanceof Number reviewed
                && task.getVariable("pagesReceived") instanceof Number received
                && received.longValue() > 0 && reviewed.longValue() > received.longValue()) {
            throw new InvalidInputException("pagesReviewed", "is more than the " + received
                    + " pages of medical records received: give the pages you reviewed, at most " + received);
        }
    }
}
