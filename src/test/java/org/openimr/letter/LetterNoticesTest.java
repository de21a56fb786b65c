package org.openimr.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The notice of assignment and the ineligibility notice: composed, stored, issued and downloaded like the letter. */
class LetterNoticesTest extends CaseTest {

    @Autowired
    LetterService letters;

    @Autowired
    MockMvc mvc;

    @Test
    void anEligibleCaseGetsTheNoticeOfAssignmentWithTheRecordsDueDateAndTheEmployerAmongItsRecipients()
            throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());

        CaseRecord caseRecord = cases.caseRecord(caseNumber);
        StoredLetter notice = letters.latest(caseRecord, LetterKind.NOTICE_OF_ASSIGNMENT).orElseThrow();
        assertThat(notice.version()).isEqualTo(1);
        assertThat(notice.status()).isEqualTo("ISSUED");
        assertThat(letters.issuedTo(notice)).extracting(LetterService.IssuedCopy::role)
                .containsExactly("EMPLOYEE", "REQUESTING_PHYSICIAN", "CLAIMS_ADMINISTRATOR", "EMPLOYER");
        String recordsDue = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)
                .format(CaseClock.inCalifornia(((Date) cases.variable(caseNumber, "recordsDueAt")).toInstant()));
        String text = download(caseNumber, "NOTICE_OF_ASSIGNMENT", "intake1", "notice-of-assignment-v1.pdf");
        assertThat(text).containsSubsequence("MAXIMUS Federal Services",
                "NOTICE OF ASSIGNMENT AND REQUEST FOR INFORMATION", "Case Number: " + caseNumber,
                "(1) Additional Massage Therapy Visits for the cervical spine as an outpatient",
                "REQUEST FOR INFORMATION", "received by " + recordsDue,
                "DISTRIBUTION", "Employer Central Valley Packing Co. by mail");
        assertThat(text).isEqualTo(LetterTexts.body(letters.text(notice)));
    }

    @Test
    void anIneligibleApplicationGetsTheIneligibilityNoticeWithItsReason() throws Exception {
        ObjectNode application = TestApplications.seedCase();
        application.put("urDecisionAttached", false);
        String caseNumber = cases.submit(application);
        cases.confirmFindings(caseNumber);

        CaseRecord caseRecord = cases.caseRecord(caseNumber);
        StoredLetter notice = letters.latest(caseRecord, LetterKind.INELIGIBILITY_NOTICE).orElseThrow();
        assertThat(notice.status()).isEqualTo("ISSUED");
        assertThat(letters.issuedTo(notice)).extracting(LetterService.IssuedCopy::role)
                .containsExactly("EMPLOYEE", "REQUESTING_PHYSICIAN", "CLAIMS_ADMINISTRATOR");
        assertThat(letters.latest(caseRecord, LetterKind.NOTICE_OF_ASSIGNMENT)).isEmpty();
        String text = download(caseNumber, "INELIGIBILITY_NOTICE", "supervisor1", "ineligibility-notice-v1.pdf");
        assertThat(text).containsSubsequence("NOTICE: APPLICATION NOT ELIGIBLE FOR INDEPENDENT MEDICAL REVIEW",
                "Case Number: " + caseNumber, "REASONS", (String) cases.variable(caseNumber, "ineligibilityReasons"),
                "APPEAL RIGHTS", "DISTRIBUTION");
    }

    private String download(String caseNumber, String kind, String user, String fileName) throws Exception {
        byte[] pdf = mvc.perform(get("/api/cases/{caseNumber}/letter?kind={kind}", caseNumber, kind)
                        .with(httpBasic(user, "demo")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "inline; filename=\"" + caseNumber + "-" + fileName + "\""))
                .andReturn().getResponse().getContentAsByteArray();
        LetterTexts.keep(fileName, pdf);
        return LetterTexts.body(LetterTexts.extract(pdf));
    }
}
