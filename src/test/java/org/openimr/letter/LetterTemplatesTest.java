package org.openimr.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openimr.cases.ImrApplication;
import org.openimr.reviewer.CaseReviewers.Qualifications;
import org.springframework.context.support.StaticApplicationContext;

/**
 * The templates as an administrator meets them: a folder of their own and the organization's
 * settings change the letter without Java; the built-in ones render what a case may lack.
 */
class LetterTemplatesTest {

    static final List<String> TEMPLATES = List.of("fragments", "final-determination", "notice-of-assignment",
            "ineligibility-notice", "deferral-notice", "information-request", "item-ineligibility-notice", "expedited-conversion-notice", "withdrawal-notice");

    static final OrganizationProperties MAXIMUS = new OrganizationProperties("MAXIMUS Federal Services", "MAXIMUS",
            List.of("P.O. Box 138009", "Sacramento, CA 95813-8009"), "(855) 865-8873", "classpath:/letters/");

    @Test
    void anAdministratorsTemplateFolderAndOrganizationSettingsChangeTheLetter(@TempDir Path folder) throws IOException {
        copyBuiltInTemplates(folder);
        Path letter = folder.resolve("final-determination.html");
        Files.writeString(letter, Files.readString(letter).replace("WHAT HAPPENS NEXT", "AFTER THIS DETERMINATION"));
        OrganizationProperties goldenBear = new OrganizationProperties("Golden Bear Review Services", "GOLDEN BEAR",
                List.of("12 Harbor Way", "Oakland, CA 94607"), "(510) 555-0134", folder.toUri().toString());

        String text = render(goldenBear, finalDetermination(goldenBear, qualifications()));

        assertThat(text).containsSubsequence("Golden Bear Review Services", "12 Harbor Way", "Oakland, CA 94607",
                "Telephone (510) 555-0134", "Golden Bear Review Services sent the complete case file",
                "GOLDEN BEAR guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines (2009), page 60 of 127.",
                "AFTER THIS DETERMINATION");
        assertThat(text).doesNotContain("MAXIMUS", "WHAT HAPPENS NEXT");
    }

    @Test
    void aTemplateCannotPullAFileOfTheServerIntoALetter(@TempDir Path folder) throws IOException {
        copyBuiltInTemplates(folder);
        Path secret = Files.writeString(folder.resolve("secret.txt"), "SERVER-SECRET");
        Path letter = folder.resolve("final-determination.html");
        Files.writeString(letter, Files.readString(letter)
                .replace("<!DOCTYPE html>", "<!DOCTYPE html [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>")
                .replace("WHAT HAPPENS NEXT", "WHAT HAPPENS NEXT &secret;"));
        OrganizationProperties organization = new OrganizationProperties("MAXIMUS Federal Services", "MAXIMUS",
                MAXIMUS.address(), MAXIMUS.phone(), folder.toUri().toString());

        String text = render(organization, finalDetermination(organization, qualifications()));

        assertThat(text).contains("WHAT HAPPENS NEXT").doesNotContain("SERVER-SECRET");
    }

    @Test
    void theReviewerIsDescribedByQualificationsInWords() {
        String text = render(MAXIMUS, finalDetermination(MAXIMUS, qualifications()));

        assertThat(text).contains("The expert reviewer is Board Certified in Occupational Medicine and Internal Medicine "
                        + "and is licensed to practice in Arizona and Nevada.",
                "State(s) of Licensure: AZ, NV", "Certification(s)/Specialty: Occupational Medicine, Internal Medicine");
    }

    @Test
    void theBuiltInLetterRendersWhatACaseMayLack() {
        Map<String, Object> model = finalDetermination(MAXIMUS, null);
        model.put("assigned", null);
        model.put("documents", List.of());
        model.put("pagesReviewed", null);
        model.put("items", List.of(item(null)));

        String text = render(MAXIMUS, model);

        assertThat(text).contains("Date Assigned: Not assigned",
                "Claims Administrator guideline: The Claims Administrator did not cite a guideline.",
                "No medical records were received from the claims administrator",
                "The request for independent medical review was signed on July 9, 2014. The request was for");
        assertThat(text).doesNotContain("Board Certified", "State(s) of Licensure", "pages provided for review");
    }

    /** An administrator's template folder, starting from the built-in templates. */
    private void copyBuiltInTemplates(Path folder) throws IOException {
        for (String template : TEMPLATES) {
            try (InputStream in = getClass().getResourceAsStream("/letters/" + template + ".html")) {
                Files.copy(in, folder.resolve(template + ".html"));
            }
        }
    }

    private static String render(OrganizationProperties organization, Map<String, Object> model) {
        LetterRenderer renderer = new LetterRenderer(new StaticApplicationContext(), organization);
        return LetterTexts.body(renderer.render(LetterKind.FINAL_DETERMINATION, model).text());
    }

    /** A model as LetterContents gives it, built by hand: what the template needs, no case behind it. */
    static Map<String, Object> finalDetermination(OrganizationProperties organization, Qualifications reviewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("org", organization);
        model.put("caseNumber", "CM14-0000042");
        model.put("letterDate", "August 20, 2014");
        model.put("priority", "Regular");
        model.put("applicationReceived", "July 14, 2014");
        model.put("assigned", "July 15, 2014");
        model.put("urDecisionDate", "June 27, 2014");
        model.put("dateOfInjury", "April 16, 2012");
        model.put("requestSigned", "July 9, 2014");
        model.put("employee", new ImrApplication.Employee("Test Employee", LocalDate.of(1970, 3, 2),
                LocalDate.of(2012, 4, 16), "CLAIM-42", null, null));
        model.put("claimsAdministrator", new ImrApplication.Party("Sierra Claims Administrators", null));
        model.put("physician", new ImrApplication.Physician("Dr. Test Physician", null, null, null));
        model.put("reviewer", reviewer == null ? null : ReviewerStatement.of(reviewer));
        model.put("pagesReviewed", 54);
        model.put("clinicalSummaryParagraphs", List.of("The request was for six more massage therapy visits."));
        model.put("items", List.of(item("The Claims Administrator based their decision on the MTUS.")));
        model.put("documents", List.of(Map.of("reference", "PR-2, Dr. Test Physician, June 12, 2014", "pages", 54)));
        model.put("recipients", List.of(new LetterStore.Recipient("EMPLOYEE", "Test Employee", "MAIL")));
        return model;
    }

    static Map<String, Object> item(String claimsAdministratorGuideline) {
        Map<String, Object> item = new HashMap<>();
        item.put("number", 1);
        item.put("requestedTreatment", "Additional Massage Therapy Visits for the cervical spine as an outpatient");
        item.put("outcome", "Upheld");
        item.put("claimsAdministratorGuideline", claimsAdministratorGuideline);
        item.put("citation", "MTUS Chronic Pain Medical Treatment Guidelines (2009), page 60 of 127");
        item.put("rationale", "Massage should be an adjunct to exercise. The request is not medically necessary.");
        item.put("facts", List.of("Per the Progress report of June 12, 2014 (page 3), visits completed: 6."));
        return item;
    }

    static Qualifications qualifications() {
        return new Qualifications("Occupational Medicine", List.of("Occupational Medicine", "Internal Medicine"),
                List.of("AZ", "NV"), 15, 35);
    }
}
