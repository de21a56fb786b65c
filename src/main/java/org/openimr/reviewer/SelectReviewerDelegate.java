package org.openimr.reviewer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Select reviewer": picks the expert reviewer, or leaves the choice to a supervisor, whose task
 * form shows why no one was chosen and starts with "run selection again" unticked. Those two
 * variables are written only then: a chosen reviewer's selection is on the case's reviewer page
 * (GET /api/cases/{caseNumber}/reviewer), and its report, which grows with the roster, would be
 * written to three tables for nobody to read.
 */
@Component("selectReviewer")
class SelectReviewerDelegate implements JavaDelegate {

    /** Why no reviewer was chosen, for the supervisor's "Assign reviewer manually" form. */
    private static final String REPORT = "reviewerSelectionReport";

    private static final Logger log = LoggerFactory.getLogger(SelectReviewerDelegate.class);

    private final CaseReviewers caseReviewers;

    SelectReviewerDelegate(CaseReviewers caseReviewers) {
        this.caseReviewers = caseReviewers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        ReviewerSelection.Result result = caseReviewers.select(caseNumber);
        execution.setVariable("reviewerFound", result.chosen().isPresent());
        result.chosen().ifPresentOrElse(reviewer -> {
            execution.setVariable(ReviewerTasks.REVIEWER_VARIABLE, reviewer.userId());
            // After "run selection again": the report of the selection that failed no longer holds.
            execution.removeVariable(REPORT);
            log.info("Case {}: reviewer {} selected", caseNumber, reviewer.userId());
        }, () -> {
            execution.setVariable(REPORT, result.report());
            execution.setVariable("retrySelection", false);
            log.info("Case {}: no qualified reviewer; a supervisor assigns one", caseNumber);
        });
    }
}
