package org.openimr.security;

import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.openimr.CaseDriver;
import org.openimr.TestApplications;
import org.openimr.intake.Withdrawals;
import org.openimr.reviewer.CaseReviewers;
import org.springframework.context.ApplicationContext;

/**
 * A case whose reviewer is deciding its disputed item: records complete, clinical summary written,
 * the "Decide disputed item" task open and assigned to the reviewer. Built so that two of them
 * have different reviewers, for tests of who sees what.
 */
record CaseUnderReview(String caseNumber, String processInstanceId, String reviewer, Task decideTask) {

    /** The reviewers the seed case (massage) may go to. */
    static final List<String> MASSAGE_REVIEWERS = List.of("reviewer1", "reviewer2", "reviewer7", "reviewer8");

    /** A new case under review, by whichever reviewer other than those named. */
    static CaseUnderReview create(ApplicationContext context, String... notReviewedBy) {
        CaseDriver cases = new CaseDriver(context);
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        String reviewer = cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee();
        List<String> excluded = List.of(notReviewedBy);
        if (excluded.contains(reviewer)) {
            String other = MASSAGE_REVIEWERS.stream().filter(r -> !excluded.contains(r)).findFirst().orElseThrow();
            context.getBean(CaseReviewers.class).reassign(caseNumber, other, "Test: another reviewer", "supervisor1");
            reviewer = other;
        }
        cases.writeClinicalSummary(caseNumber);
        cases.establishFacts(caseNumber);
        return new CaseUnderReview(caseNumber, cases.processInstanceId(caseNumber), reviewer,
                cases.task(caseNumber, "DecideItemTask"));
    }

    /** Ends the case, so that its reviewer's place is free for the other tests. */
    void withdraw(ApplicationContext context) {
        context.getBean(Withdrawals.class).withdraw(caseNumber,
                new Withdrawals.Withdrawal(Withdrawals.Reason.EMPLOYEE_WITHDREW, null));
    }
}
