package org.openimr.reviewer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Assign reviewer manually": the supervisor either names a reviewer (refused with the
 * reason when conflicted) or asks for selection to run again once the roster has changed.
 */
@Component("assignReviewerManually")
class AssignReviewerManuallyListener implements TaskListener {

    private final CaseReviewers caseReviewers;

    AssignReviewerManuallyListener(CaseReviewers caseReviewers) {
        this.caseReviewers = caseReviewers;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Boolean.TRUE.equals(task.getVariable("retrySelection"))) {
            return;
        }
        String userId = (String) task.getVariable("manualReviewerUserId");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("Name the reviewer to assign, or choose to run selection again");
        }
        String supervisor = task.getAssignee() == null ? "supervisor" : task.getAssignee();
        Reviewer reviewer = caseReviewers.assignManually((String) task.getVariable("caseNumber"), userId.strip(), supervisor);
        task.getExecution().setVariable("reviewerUserId", reviewer.userId());
        task.getExecution().setVariable("reviewerFound", true);
    }
}
