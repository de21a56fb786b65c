package org.openimr.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Letter QA returns the letter, the reviewer corrects it: a new version, the old one kept as it was. */
class LetterVersionsTest extends CaseTest {

    static final String CORRECTION = "There was a visit note from August 8, 2014.";

    @Autowired
    LetterService letters;

    @Autowired
    IdentityService identityService;

    @Autowired
    MockMvc mvc;

    @Test
    void aReturnedLetterIsKeptAndTheCorrectionIsANewVersionThatIsIssued() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        cases.writeClinicalSummary(caseNumber);
        cases.decideAllItems(caseNumber, "UPHELD");
        assertThat(cases.variable(caseNumber, "letterVersion")).isEqualTo(1);

        cases.complete(caseNumber, "ReviewLetterTask", Map.of("letterApproved", "false",
                "qaNote", "The summary should state the date of the visit note"));
        String reviewer = cases.task(caseNumber, "CorrectLetterTask").getAssignee();
        // As in Tasklist: the reviewer is the logged-in user completing the task.
        identityService.setAuthenticatedUserId(reviewer);
        try {
            cases.complete(caseNumber, "CorrectLetterTask", Map.of("pagesReviewed", 54, "clinicalSummary",
                    "The claimant was described as a 44-year-old man injured in 2012. " + CORRECTION));
        } finally {
            identityService.clearAuthentication();
        }

        CaseRecord caseRecord = cases.caseRecord(caseNumber);
        assertThat(letters.letters(caseRecord)).filteredOn(letter -> letter.kind().equals("FINAL_DETERMINATION"))
                .extracting(StoredLetter::version, StoredLetter::status, StoredLetter::createdBy, StoredLetter::reviewNote)
                .containsExactly(
                        Tuple.tuple(1, "RETURNED", "system", "The summary should state the date of the visit note"),
                        Tuple.tuple(2, "DRAFT", reviewer, null));
        assertThat(cases.variable(caseNumber, "letterVersion")).isEqualTo(2);
        assertThat(download(caseNumber, "?version=1")).doesNotContain(CORRECTION);
        assertThat(download(caseNumber, "?version=2")).contains(CORRECTION);
        assertThat(download(caseNumber, "")).as("the latest version").contains(CORRECTION);

        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);

        StoredLetter first = letters.version(caseRecord, LetterKind.FINAL_DETERMINATION, 1).orElseThrow();
        StoredLetter second = letters.version(caseRecord, LetterKind.FINAL_DETERMINATION, 2).orElseThrow();
        assertThat(first.status()).isEqualTo("RETURNED");
        assertThat(letters.issuedTo(first)).isEmpty();
        assertThat(second.status()).isEqualTo("ISSUED");
        assertThat(letters.issuedTo(second)).hasSize(3);
        assertThat(LetterTexts.body(letters.text(first))).doesNotContain(CORRECTION);
    }

    private String download(String caseNumber, String query) throws Exception {
        byte[] pdf = mvc.perform(get("/api/cases/" + caseNumber + "/letter" + query).with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return LetterTexts.body(LetterTexts.extract(pdf));
    }
}
