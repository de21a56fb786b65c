package org.openimr.reviewer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Select reviewer": picks the expert reviewer, or leaves the choice to a supervisor. */
@Component("selectReviewer")
class SelectReviewerDelegate implements JavaDelegate {

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
        execution.setVariable("retrySelection", false);
        execution.setVariable("reviewerSelectionReport", result.report());
        result.chosen().ifPresentOrElse(reviewer -> {
            execution.setVariable(ReviewerTasks.REVIEWER_VARIABLE, reviewer.userId());
            log.info("Case {}: reviewer {} selected", caseNumber, reviewer.userId());
        }, () -> log.info("Case {}: no qualified reviewer; a supervisor assigns one", caseNumber));
    }
}
