package org.openimr.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.openimr.CaseDriver;
import org.openimr.CaseOnPostgresTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The notices the parties are owed when a case turns expedited (D5, 8 CCR 9792.10.4(c)) and when it
 * ends without a determination (withdrawn by the employee, or terminated because the treatment was
 * authorized, 8 CCR 9792.10.6(a)), on a real PostgreSQL: each to every party, issued once.
 */
class PartyNoticesOnPostgresTest extends CaseOnPostgresTest {

    @Autowired
    LetterService letters;

    @Test
    void aCaseTurnedExpeditedTellsThePartiesAtOnceWithTheNewRecordsDeadlineOnce() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());

        cases.as("intake1").post().uri("/api/cases/{n}/expedite", caseNumber).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("certificationDate", CaseClock.today().toString())).retrieve().toBodilessEntity();

        cases.progress(caseNumber).hasPassed("RecomputeDeadlinesTask", "SendExpeditedConversionNoticeTask")
                .isWaitingAt("WaitForRecordsTask");
        CaseRecord record = cases.caseRecord(caseNumber);
        StoredLetter notice = letters.issued(record, LetterKind.EXPEDITED_CONVERSION_NOTICE).orElseThrow();
        assertThat(CaseDriver.flat(letters.text(notice))).contains("CONVERTED TO EXPEDITED REVIEW",
                "Case Number: " + caseNumber, "Claim Number: ", "Physician's Certification: ",
                "imminent and serious threat", "(1) Additional Massage Therapy Visits",
                "must now send the medical records by " + cases.variable(caseNumber, "recordsDueAtText"));
        assertThat(letters.recipientsIssued(notice)).containsExactly(
                "EMPLOYEE: " + record.employeeName(), "REQUESTING_PHYSICIAN: Dr. Test Physician",
                "CLAIMS_ADMINISTRATOR: Sierra Claims Administrators");
        context.getBean("sendExpeditedConversionNotice", JavaDelegate.class).execute(execution(caseNumber));
        assertThat(letters.letters(record)).filteredOn(l -> l.kind().equals(LetterKind.EXPEDITED_CONVERSION_NOTICE.name()))
                .containsExactly(notice);
    }

    @Test
    void aReviewTerminatedBecauseTheTreatmentWasAuthorizedTellsThePartiesOnce() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());

        withdraw(caseNumber, "TREATMENT_AUTHORIZED");

        cases.progress(caseNumber).isEnded().hasPassed("CloseWithdrawnCaseTask", "SendWithdrawalNoticeTask");
        CaseRecord record = cases.caseRecord(caseNumber);
        assertThat(record.status()).isEqualTo("WITHDRAWN");
        StoredLetter notice = letters.issued(record, LetterKind.WITHDRAWAL_NOTICE).orElseThrow();
        assertThat(CaseDriver.flat(letters.text(notice))).contains("INDEPENDENT MEDICAL REVIEW TERMINATED",
                "has been authorized", "8 CCR 9792.10.6(a)", "(1) Additional Massage Therapy Visits",
                "No determination will be issued");
        assertThat(letters.recipientsIssued(notice)).hasSize(3);
        context.getBean("sendWithdrawalNotice", JavaDelegate.class).execute(execution(caseNumber));
        assertThat(letters.letters(record)).filteredOn(l -> l.kind().equals(LetterKind.WITHDRAWAL_NOTICE.name()))
                .containsExactly(notice);
    }

    @Test
    void anApplicationWithdrawnByTheEmployeeIsAWithdrawalNotice() {
        String caseNumber = cases.submit(TestApplications.seedCase());

        withdraw(caseNumber, "EMPLOYEE_WITHDREW");

        String text = CaseDriver.flat(letters.text(letters.issued(cases.caseRecord(caseNumber), LetterKind.WITHDRAWAL_NOTICE)
                .orElseThrow()));
        assertThat(text).contains("APPLICATION WITHDRAWN", "withdrawn by the employee").doesNotContain("authorized");
    }

    private void withdraw(String caseNumber, String reason) {
        cases.as("intake1").post().uri("/api/cases/{n}/withdrawal", caseNumber).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", reason, "note", "Received by fax.")).retrieve().toBodilessEntity();
    }

    private static DelegateExecution execution(String caseNumber) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("caseNumber")).thenReturn(caseNumber);
        return execution;
    }

}
