package org.openimr.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.openimr.records.Documents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issuing talks to the outside, so it happens once per letter, whatever fails around it: a node
 * that dies after issuing but before its transaction commits has issued nothing (the job runs
 * again elsewhere and issues once), and a step that runs again after it committed (a retried job,
 * an operator restarting it) sends nothing twice. The same for both notices.
 */
class LetterIssuedOnceTest extends CaseTest {

    @Autowired
    LetterService letters;

    @Autowired
    Documents documents;

    @Autowired
    ManagementService managementService;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aCrashBetweenIssuingAndCommittingIssuesNothingAndTheJobRunAgainIssuesOnce() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");
        cases.approveLetter(caseNumber);
        Job issue = managementService.createJobQuery().processInstanceId(cases.processInstanceId(caseNumber))
                .activityId("IssueLetterTask").singleResult();
        CaseRecord caseRecord = cases.caseRecord(caseNumber);

        new TransactionTemplate(transactionManager).executeWithoutResult(crash -> {
            managementService.executeJob(issue.getId());
            assertThat(letters.issued(caseRecord, LetterKind.FINAL_DETERMINATION)).isPresent();
            crash.setRollbackOnly();
        });
        assertThat(letters.latest(caseRecord, LetterKind.FINAL_DETERMINATION).orElseThrow().status()).isEqualTo("APPROVED");
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("OPEN");

        managementService.executeJob(issue.getId());
        StoredLetter letter = letters.issued(caseRecord, LetterKind.FINAL_DETERMINATION).orElseThrow();
        List<LetterService.IssuedCopy> copies = letters.issuedTo(letter);
        assertThat(copies).extracting(LetterService.IssuedCopy::role)
                .containsExactly("EMPLOYEE", "REQUESTING_PHYSICIAN", "CLAIMS_ADMINISTRATOR");
        assertThat(cases.caseRecord(caseNumber).outcome()).isEqualTo("UPHELD");

        DelegateExecution again = execution(caseNumber);
        context.getBean("issueLetter", JavaDelegate.class).execute(again);
        assertThat(letters.letters(caseRecord)).filteredOn(l -> l.kind().equals("FINAL_DETERMINATION")).hasSize(1);
        assertThat(letters.issuedTo(letter)).isEqualTo(copies);
        verify(again).setVariable("outcome", "UPHELD");
    }

    @Test
    void theNoticeOfAssignmentStepRunAgainSendsNothingMoreAndKeepsTheRecordsDeadline() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        CaseRecord caseRecord = cases.caseRecord(caseNumber);
        StoredLetter notice = letters.issued(caseRecord, LetterKind.NOTICE_OF_ASSIGNMENT).orElseThrow();
        List<LetterService.IssuedCopy> copies = letters.issuedTo(notice);
        Date recordsDue = (Date) cases.variable(caseNumber, "recordsDueAt");

        DelegateExecution again = execution(caseNumber);
        when(again.getVariable("noticeDelivery")).thenReturn("MAIL");
        context.getBean("sendNoticeOfAssignment", JavaDelegate.class).execute(again);

        assertThat(letters.letters(caseRecord)).containsExactly(notice);
        assertThat(letters.issuedTo(notice)).isEqualTo(copies);
        assertThat(documents.requests(caseRecord.id())).hasSize(1);
        verify(again).setVariable("recordsDueAt", recordsDue);
    }

    @Test
    void theIneligibilityNoticeStepRunAgainSendsNothingMore() throws Exception {
        ObjectNode application = TestApplications.seedCase();
        application.put("signed", false);
        String caseNumber = cases.submit(application);
        cases.confirmFindings(caseNumber);
        CaseRecord caseRecord = cases.caseRecord(caseNumber);
        StoredLetter notice = letters.issued(caseRecord, LetterKind.INELIGIBILITY_NOTICE).orElseThrow();
        List<LetterService.IssuedCopy> copies = letters.issuedTo(notice);

        DelegateExecution again = execution(caseNumber);
        when(again.getVariable("ineligibilityReasons")).thenReturn(cases.variable(caseNumber, "ineligibilityReasons"));
        when(again.getVariable("ineligibilityReasonCodes"))
                .thenReturn(cases.variable(caseNumber, "ineligibilityReasonCodes"));
        context.getBean("sendIneligibilityNotice", JavaDelegate.class).execute(again);

        assertThat(letters.letters(caseRecord)).containsExactly(notice);
        assertThat(letters.issuedTo(notice)).isEqualTo(copies);
        assertThat(cases.caseRecord(caseNumber).status()).isEqualTo("INELIGIBLE");
    }

    /** The case's step run once more, as a retried job or an operator would run it. */
    private static DelegateExecution execution(String caseNumber) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("caseNumber")).thenReturn(caseNumber);
        return execution;
    }
}
