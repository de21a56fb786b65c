package org.openimr.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openimr.reviewer.CaseReviewers.Qualifications;
import org.springframework.context.support.StaticApplicationContext;

/**
 * How the final determination falls on its pages: a heading, or the sentence that leads into a
 * summary or a list, never sits at the foot of a page with its text on the next. The letterhead is made longer line by line, so that each heading
 * comes to lie at a page foot in one of the letters.
 */
class LetterLayoutTest {

    /**
     * The section headings (capitals), the item titles ("(2) Lumbar MRI: Upheld") and the sentences
     * that lead into what follows ("... including all medical records:"): none may end a page.
     */
    private static final Pattern HEADING = Pattern.compile("[A-Z ,']{6,}|\\(\\d+\\) .*: (Upheld|Overturned)|.*:");

    private static final Pattern FOOTER = Pattern.compile(".*· IMR Case \\S+\\s+Page \\d+ of \\d+");

    private static final String SENTENCE = "The patient reported neck pain radiating to the right shoulder, "
            + "with tenderness and a reduced range of motion at each visit documented in the records. ";

    @Test
    void noPageEndsWithAHeading() {
        List<String> orphans = new ArrayList<>();
        for (int addressLines = 1; addressLines <= 30; addressLines++) {
            // Each line of the letterhead moves everything below it down by a line.
            OrganizationProperties organization = new OrganizationProperties(LetterTemplatesTest.MAXIMUS.name(),
                    LetterTemplatesTest.MAXIMUS.shortName(), Collections.nCopies(addressLines, "P.O. Box 138009"),
                    LetterTemplatesTest.MAXIMUS.phone(), LetterTemplatesTest.MAXIMUS.letterTemplates());
            Map<String, Object> model = LetterTemplatesTest.finalDetermination(organization,
                    LetterTemplatesTest.qualifications());
            model.put("clinicalSummaryParagraphs", List.of(String.join("", Collections.nCopies(4, SENTENCE))));
            model.put("items", List.of(LetterTemplatesTest.item(null), LetterTemplatesTest.item(null)));
            byte[] pdf = new LetterRenderer(new StaticApplicationContext(), organization)
                    .render(LetterKind.FINAL_DETERMINATION, model).pdf();
            List<String> lastLines = lastLinesOfPages(pdf);
            for (int page = 0; page < lastLines.size() - 1; page++) {
                if (HEADING.matcher(lastLines.get(page)).matches()) {
                    orphans.add(addressLines + " letterhead lines, page " + (page + 1) + ": " + lastLines.get(page));
                    LetterTexts.keep("orphaned-heading-" + addressLines + ".pdf", pdf);
                }
            }
        }
        assertThat(orphans).as("pages that end with a heading").isEmpty();
    }

    /**
     * Whatever the reviewer's specialties make of the line before it, "He/she" stays one word: a
     * justified line must not break or space it at the slash ("He /she").
     */
    @Test
    void heSheIsNeverSplitWhereverTheLineBreaks() {
        List<String> split = new ArrayList<>();
        // Specialty names of every length move the sentence before "He/she" through a whole line.
        for (int length = 0; length <= 90; length++) {
            List<String> certified = List.of("Medicine " + "x".repeat(length));
            Map<String, Object> model = LetterTemplatesTest.finalDetermination(LetterTemplatesTest.MAXIMUS,
                    new Qualifications(certified.get(0), certified, List.of("CA"), 15, 35));
            String text = LetterTexts.extract(new LetterRenderer(new StaticApplicationContext(), LetterTemplatesTest.MAXIMUS)
                    .render(LetterKind.FINAL_DETERMINATION, model).pdf()).replaceAll("\\s+", " ");
            if (!text.contains("He/she has been in active clinical practice")
                    || !text.contains("He/she is familiar with governing laws")) {
                split.add("a specialty of " + certified.get(0).length() + " characters");
            }
        }
        assertThat(split).as("letters whose \"He/she\" is split").isEmpty();
    }

    /** The last line of each page's text above the running footer. */
    private static List<String> lastLinesOfPages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> lastLines = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                List<String> lines = stripper.getText(document).lines().map(String::strip)
                        .filter(line -> !line.isEmpty() && !FOOTER.matcher(line).matches()).toList();
                lastLines.add(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
            }
            return lastLines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
