package org.openimr.reviewer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.openimr.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Completing "Assign reviewer manually": the supervisor either names a reviewer (refused with the
 * reason when conflicted or unqualified) or asks for selection to run again once the roster has
 * changed.
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
            throw new InvalidInputException("manualReviewerUserId",
                    "name the reviewer to assign, or choose to run selection again");
        }
        Reviewer reviewer = caseReviewers.assignManually((String) task.getVariable("caseNumber"), userId.strip(),
                supervisor(task));
        task.getExecution().setVariable(ReviewerTasks.REVIEWER_VARIABLE, reviewer.userId());
        task.getExecution().setVariable("reviewerFound", true);
    }

    /** Who completes the task: its assignee, else the user the engine call runs for. */
    private static String supervisor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? "supervisor" : current.getUserId();
    }
}
