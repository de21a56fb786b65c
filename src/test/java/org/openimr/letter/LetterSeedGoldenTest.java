package org.openimr.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openimr.CaseDriver;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.openimr.cases.CaseDocuments;
import org.openimr.reviewer.CaseReviewers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The golden test: the case of the real letter in shared/seed/ (its facts as test data, the
 * reviewer's summary and rationale in their words) goes through the case process, and the PDF
 * it yields reads like that letter.
 */
class LetterSeedGoldenTest extends CaseTest {

    /** The seed letter's headings, in its order, followed by the parts a complete letter adds after them. */
    static final List<String> HEADINGS = List.of(
            "HOW THE IMR FINAL DETERMINATION WAS MADE",
            "CLINICAL CASE SUMMARY",
            "IMR ISSUES, DECISIONS AND RATIONALES",
            "DOCUMENTS REVIEWED",
            "WHAT HAPPENS NEXT",
            "APPEAL RIGHTS",
            "DISTRIBUTION");

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseReviewers reviewers;

    @Autowired
    CaseDocuments documents;

    @Test
    void theSeedCaseYieldsTheSeedLetter() throws Exception {
        String caseNumber = cases.submit(TestApplications.seedCase());
        cases.recordsArrive(caseNumber);
        cases.recordsComplete(caseNumber);
        String summary = resource("/cases/seed-clinical-summary.txt");
        String rationale = resource("/cases/seed-rationale.txt");
        cases.complete(caseNumber, "WriteClinicalSummaryTask", Map.of("pagesReviewed", 54, "clinicalSummary", summary));
        // The reviewer establishes the facts from the progress report, one of them as not documented,
        // and sees the recommendation again.
        long report = documents.documents(cases.caseRecord(caseNumber).id()).get(0).id();
        String assigned = cases.task(caseNumber, "DecideItemTask").getAssignee();
        mvc.perform(put("/api/cases/{caseNumber}/items/1/facts", caseNumber).with(httpBasic(assigned, "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"facts": [{"name": "adjunctToActiveTherapy", "value": false, "documentId": %d, "page": 3},
                                           {"name": "priorUnits", "value": 6, "documentId": %d, "page": 3},
                                           {"name": "requestedUnits", "value": 6, "documentId": %d, "page": 4},
                                           {"name": "exceptionFlag", "notDocumented": true}]}"""
                                .formatted(report, report, report)))
                .andExpect(status().isOk());
        cases.complete(caseNumber, "DecideItemTask", Map.of("recheckFacts", true));
        assertThat(processEngine.getTaskService().getVariable(cases.task(caseNumber, "DecideItemTask").getId(),
                "recommendationRuleIds")).isEqualTo("MASSAGE-01, MASSAGE-04");
        // The reviewer agrees with the guideline recommendation and words the rationale as in the seed.
        cases.complete(caseNumber, "DecideItemTask", Map.of("decision", "UPHELD", "decisionRationale", rationale));
        CaseReviewers.Qualifications reviewer = reviewers.qualifications(cases.caseRecord(caseNumber).id()).orElseThrow();
        cases.approveLetter(caseNumber);
        cases.runJobs(caseNumber);

        byte[] pdf = mvc.perform(get("/api/cases/{caseNumber}/letter", caseNumber).with(httpBasic("supervisor1", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        LetterTexts.keep("seed-final-determination.pdf", pdf);
        String extracted = LetterTexts.extract(pdf);
        String text = LetterTexts.body(extracted);
        int pages = LetterTexts.pages(pdf);
        for (int page = 1; page <= pages; page++) {
            assertThat(CaseDriver.flat(extracted)).contains("IMR Case " + caseNumber + " Page " + page + " of " + pages);
        }

        assertThat(text).containsSubsequence(HEADINGS);
        assertThat(text).contains("There were 54 pages provided for review. "
                + "The request for independent medical review was signed on July 9, 2014.");
        assertThat(CaseDriver.squash(text)).contains(CaseDriver.squash(summary));
        assertThat(text).contains("The Final Determination was based on decisions for the disputed items/services "
                + "set forth below: (1) Additional Massage Therapy Visits for the cervical spine as an outpatient: Upheld");
        assertThat(text).contains("Claims Administrator guideline: The Claims Administrator did not base their decision "
                + "on the MTUS. Decision based on Non-MTUS Citation ACOEM");
        assertThat(text).containsPattern("MAXIMUS guideline: Decision based on MTUS Chronic Pain [^:]*60 of 127");
        assertThat(CaseDriver.squash(text)).contains(CaseDriver.squash("Decision rationale: " + rationale));
        assertThat(text).containsPattern("Decision rationale: [^:]*The request is not medically necessary\\.");
        assertThat(CaseDriver.flat(text)).contains("Facts relied on: Per the Primary treating physician's progress "
                + "report (PR-2) of June 12, 2014 (page 3), adjunct to active therapy: no.")
                .contains("Per the Primary treating physician's progress report (PR-2) of June 12, 2014 (page 3), "
                        + "visits completed: 6.")
                .contains("(page 4), visits requested: 6.")
                .contains("The records provided do not document exceptional circumstance.");
        // The seed's paragraph word for word, but for the certification of the reviewer this case got.
        assertThat(text).contains(resource("/cases/seed-how-made.txt").replace("Occupational Medicine",
                ReviewerStatement.inWords(reviewer.boardCertifications())));
    }

    static String resource(String name) {
        try (InputStream in = LetterSeedGoldenTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
