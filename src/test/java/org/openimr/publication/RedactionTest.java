package org.openimr.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.Reviews.Determination;
import org.openimr.cases.Reviews.DeterminedItem;
import org.openimr.publication.CaseIdentifiers.Identifier;

/**
 * 600 generated determinations whose parties, addresses, claim numbers and dates are marker
 * identifiers, written into the clinical summary and the rationale in the forms people write them
 * (upper case, possessive, surname first, initials with the surname, across a line break, every
 * date format). None survives in what is published. One in six also holds an identifier in a form
 * no scrubbing foresees (its letters spaced out, the claim number's digits regrouped): each of
 * those is withheld, and every other determination is published.
 */
class RedactionTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final int LETTERS = 600;

    @Test
    void noMarkerIdentifierSurvivesInThePublishedDeterminationsAndTheUnscrubbableAreWithheld() throws Exception {
        Random random = new Random(20261207L);
        List<String> leaks = new ArrayList<>();
        int withheld = 0;
        int published = 0;
        for (int n = 0; n < LETTERS; n++) {
            Generated letter = generate(n, random);
            Publications.Published candidate = Publications.redacted(letter.determination(), letter.ids(), letter.items());
            List<String> reasons = Publications.leftIn(candidate, letter.ids());
            if (!reasons.isEmpty()) {
                withheld++;
                assertThat(letter.unscrubbable()).as("letter %d withheld for %s", n, reasons).isTrue();
                // The reasons name kinds of identifier and fields, never the identifier.
                assertThat(markersIn(String.join(" ", reasons), letter)).isEmpty();
                continue;
            }
            published++;
            assertThat(letter.unscrubbable()).as("letter %d published though it holds an unscrubbable identifier", n)
                    .isFalse();
            leaks.addAll(markersIn(JSON.writeValueAsString(candidate), letter));
            assertThat(candidate.clinicalSummary()).contains(Redactor.MARK).contains("lumbar radiculopathy");
        }
        assertThat(leaks).isEmpty();
        assertThat(withheld).isEqualTo(LETTERS / 6);
        assertThat(published).isEqualTo(LETTERS - LETTERS / 6);
    }

    @Test
    void aNameWrittenInFullIsScrubbedWordByWordAndTheClinicalWordsStay() {
        CaseIdentifiers ids = new CaseIdentifiers(
                List.of(new Identifier("the employee's name", "Maria del Carmen Okonkwo-Reyes")),
                List.of(new Identifier("the employer's name", "Central Valley Packing Co.")),
                List.of(new Identifier("the employee's address", "100 Vineyard Lane, Fresno, CA 93721")),
                "WC-2012-041677", List.of(LocalDate.of(2012, 4, 16)));
        String scrubbed = Redactor.scrub("Ms. OKONKWO-REYES (claim WC-2012-041677), who works for Central Valley "
                + "Packing Co. and lives in Fresno, was injured on 4/16/2012; Maria's pain persists. Seen March 3.", ids);
        assertThat(scrubbed).isEqualTo("Ms. [redacted] (claim [redacted]), who works for [redacted]. and lives in "
                + "[redacted], was injured on [redacted]; [redacted]'s pain persists. Seen [redacted].");
        assertThat(Redactor.leftIn(scrubbed, ids)).isEmpty();
        assertThat(Redactor.leftIn("O k o n k w o - R e y e s, claim 2012 041677", ids))
                .contains("the employee's name", "the claim number");
    }

    record Generated(Determination determination, CaseIdentifiers ids, List<StoredItem> items, List<String> markers,
            boolean unscrubbable) {
    }

    private static Generated generate(int n, Random random) {
        String first = marker("Qzfirst", n);
        String last = marker("Xvlast", n);
        String physician = marker("Pqdoc", n);
        String reviewer = marker("Rvrev", n);
        String employer = marker("Emplco", n) + " Holdings";
        String administrator = marker("Admnco", n) + " Claims Services";
        String street = (100 + n) + " " + marker("Strt", n) + " Lane";
        String city = marker("Cty", n);
        String claim = "CLM-" + (10000 + n) + "-" + (700000 + random.nextInt(99999));
        LocalDate birth = LocalDate.of(1950 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate injury = LocalDate.of(2010 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
        CaseIdentifiers ids = new CaseIdentifiers(
                List.of(new Identifier("the employee's name", first + " " + last),
                        new Identifier("the physician's name", "Dr. " + physician + " Smithfield"),
                        new Identifier("the reviewer's name", "Dr. " + reviewer)),
                List.of(new Identifier("the employer's name", employer),
                        new Identifier("the claims administrator's name", administrator)),
                List.of(new Identifier("the employee's address", street + ", " + city + ", CA 9" + (1000 + n % 8999))),
                claim, List.of(birth, injury));
        DateTimeFormatter[] formats = {DateTimeFormatter.ofPattern("M/d/yyyy"), DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US), DateTimeFormatter.ofPattern("MM-dd-yyyy"),
                DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US), DateTimeFormatter.ofPattern("MMM. d, yyyy", Locale.US)};
        DateTimeFormatter format = formats[n % formats.length];
        String summary = switch (n % 5) {
            case 0 -> "The claimant, " + first + " " + last + ", born " + format.format(birth) + ", injured "
                    + format.format(injury) + " at " + employer + ", has lumbar radiculopathy.";
            case 1 -> last.toUpperCase(Locale.ROOT) + ", " + first + " (claim " + claim + ") of " + street + ", " + city
                    + " was seen by Dr. " + physician + " for lumbar radiculopathy on " + format.format(injury) + ".";
            case 2 -> first.charAt(0) + ". " + last + "'s file from " + administrator.toLowerCase(Locale.ROOT)
                    + " shows lumbar radiculopathy since " + format.format(injury) + "; reviewed by " + reviewer + ".";
            case 3 -> "Mr. " + last + "\n" + first + " reports lumbar radiculopathy; DOB " + format.format(birth)
                    + ", claim no. " + claim.toLowerCase(Locale.ROOT) + ", employer " + employer.toUpperCase(Locale.ROOT) + ".";
            default -> "Per " + physician + "'s note of " + format.format(injury) + ", " + last + " (" + city
                    + ") has lumbar radiculopathy; seen again in March 2019.";
        };
        boolean unscrubbable = n % 6 == 5;
        String rationale = "The guideline supports the treatment for " + last + " after " + format.format(injury) + ".";
        if (unscrubbable) {
            rationale += n % 12 == 5 ? " Noted by " + String.join(" ", last.split("")) + "."
                    : " Ref " + claim.replaceAll("\\D", "").replaceAll("(\\d{3})", "$1 ") + ".";
        }
        Determination determination = new Determination(n, n, "CM26-" + (1000000 + n), 1, 1,
                Instant.parse("2026-11-15T18:00:00Z"), "UPHELD", false, null, null, null, false, "Neurology", summary,
                List.of(new DeterminedItem(1, "Lumbar epidural steroid injection", "ESI", "UPHELD",
                        "MTUS (2009), ESI, page 46 of 127", rationale)));
        StoredItem item = new StoredItem(1, "Lumbar epidural steroid injection", "ESI",
                "{\"bodyRegion\":\"LUMBAR\",\"diagnosisGroup\":\"NEURALGIA_RADICULITIS\"}", null, null, null, null, null,
                "UPHELD", null, null, null, null, null, null);
        return new Generated(determination, ids, List.of(item), List.of(first, last, physician, reviewer,
                employer, administrator, marker("Strt", n), city, claim), unscrubbable);
    }

    /** A marker word no text would hold by chance: a prefix, the letter's number, and a unique tail. */
    private static String marker(String prefix, int n) {
        return prefix + Integer.toString(n, 36) + "mk";
    }

    /** The markers the text still holds, in any letter case, and the case's dates in any format. */
    private static List<String> markersIn(String text, Generated letter) {
        List<String> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String marker : letter.markers()) {
            for (String word : marker.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.endsWith("mk") && lower.contains(word)) {
                    found.add(word);
                }
            }
            if (marker.startsWith("CLM-") && lower.replaceAll("\\D", "").contains(marker.replaceAll("\\D", ""))) {
                found.add("claim digits");
            }
        }
        for (LocalDate date : letter.ids().dates()) {
            for (String pattern : List.of("M/d/yyyy", "yyyy-MM-dd", "MMMM d, yyyy", "MM-dd-yyyy", "d MMM yyyy",
                    "MMM. d, yyyy")) {
                String written = DateTimeFormatter.ofPattern(pattern, Locale.US).format(date).toLowerCase(Locale.ROOT);
                if (lower.contains(written)) {
                    found.add(written);
                }
            }
        }
        return found;
    }
}
