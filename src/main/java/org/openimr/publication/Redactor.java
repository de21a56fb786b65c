package org.openimr.publication;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openimr.publication.CaseIdentifiers.Identifier;

/**
 * Scrubs a determination's free text of its case's identifiers, then checks what would be published
 * for any that is left. Scrubbing replaces, in any letter case and with any spacing or punctuation
 * between words: people's names whole and word by word; organizations' names and addresses whole
 * and part by part (between commas); the claim number; every date of the case in the usual formats;
 * and any other date-like text. The check compares the text with its punctuation and spacing removed
 * against each identifier treated the same way, people's name words as words, and the claim number's
 * digits against the text's digits. What it finds was written in a form the scrubbing did not
 * foresee: the determination is withheld for a person to redact, never published half-redacted.
 */
final class Redactor {

    static final String MARK = "[redacted]";

    /** Words of people's names that identify no one (titles, degrees, suffixes). */
    private static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "md", "do", "phd", "jr", "sr", "ii",
            "iii", "esq", "the", "and", "of");

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("M/d/yyyy"),
            DateTimeFormatter.ofPattern("MM/dd/yyyy"), DateTimeFormatter.ofPattern("M/d/yy"),
            DateTimeFormatter.ofPattern("MM/dd/yy"), DateTimeFormatter.ofPattern("M-d-yyyy"),
            DateTimeFormatter.ofPattern("MM-dd-yyyy"), DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US),
            DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US), DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US),
            DateTimeFormatter.ofPattern("MMMM d yyyy", Locale.US), DateTimeFormatter.ofPattern("yyyyMMdd"));

    private static final String MONTHS = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

    /** Any date-like text: numeric dates, and a month name with a day or a year. */
    private static final Pattern ANY_DATE = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}"
            + "|" + MONTHS + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{2,4})?"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTHS + "(?:,?\\s+\\d{2,4})?"
            + "|" + MONTHS + ",?\\s+\\d{4})(?![\\p{L}\\p{N}])");

    private Redactor() {
    }

    /** The text with every identifier of the case and every date replaced. */
    static String scrub(String text, CaseIdentifiers ids) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String scrubbed = text;
        for (String term : terms(ids)) {
            scrubbed = replace(scrubbed, term);
        }
        return ANY_DATE.matcher(scrubbed).replaceAll(Matcher.quoteReplacement(MARK));
    }

    /**
     * What of the case's identifiers the text still holds, by kind ("the employee's name"); empty
     * when none. Kinds only: the reason a determination is withheld carries no patient data.
     */
    static List<String> leftIn(String text, CaseIdentifiers ids) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        String flat = flat(text);
        String spaced = spaced(text);
        for (Identifier person : ids.people()) {
            // A word of five letters or more is looked for inside the text run together too (spaced-out letters).
            if (containsWhole(flat, person.text()) || nameWords(person.text()).stream()
                    .anyMatch(word -> spaced.contains(" " + word + " ") || (word.length() >= 5 && flat.contains(word)))) {
                found.add(person.kind());
            }
        }
        for (Identifier other : concat(ids.organizations(), ids.addresses())) {
            if (containsWhole(flat, other.text()) || parts(other.text()).stream()
                    .anyMatch(part -> containsWhole(flat, part))) {
                found.add(other.kind());
            }
        }
        String claim = ids.claimNumber() == null ? "" : ids.claimNumber();
        String claimDigits = claim.replaceAll("\\D", "");
        if (containsWhole(flat, claim) || (claimDigits.length() >= 4 && text.replaceAll("\\D", "").contains(claimDigits))) {
            found.add("the claim number");
        }
        for (LocalDate date : ids.dates()) {
            // Formats too short run together (5/4/55) would match any number: those are left to ANY_DATE.
            if (DATE_FORMATS.stream().map(format -> flat(format.format(date)))
                    .anyMatch(written -> written.length() >= 6 && flat.contains(written))) {
                found.add("a date of the case");
            }
        }
        if (ANY_DATE.matcher(text).find()) {
            found.add("a date");
        }
        return List.copyOf(found);
    }

    private static boolean containsWhole(String flatText, String identifier) {
        String whole = flat(identifier);
        return whole.length() >= 4 && flatText.contains(whole);
    }

    private static List<String> terms(CaseIdentifiers ids) {
        Set<String> terms = new LinkedHashSet<>();
        for (Identifier person : ids.people()) {
            terms.add(person.text().strip());
            for (String token : person.text().strip().split("\\s+")) {
                if (flat(token).length() >= 2 && !TITLES.contains(flat(token))) {
                    terms.add(token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", ""));
                }
            }
            terms.addAll(nameWords(person.text()));
        }
        for (Identifier other : concat(ids.organizations(), ids.addresses())) {
            terms.add(other.text().strip());
            terms.addAll(parts(other.text()));
        }
        if (ids.claimNumber() != null && !ids.claimNumber().isBlank()) {
            terms.add(ids.claimNumber().strip());
        }
        for (LocalDate date : ids.dates()) {
            DATE_FORMATS.forEach(format -> terms.add(format.format(date)));
        }
        // The longest first, so that a whole name goes before its words.
        List<String> ordered = new ArrayList<>(terms);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return ordered;
    }

    /** The words of a person's name that identify: two letters or more, no title. */
    private static List<String> nameWords(String name) {
        List<String> words = new ArrayList<>();
        for (String word : spaced(name).strip().split(" ")) {
            if (word.length() >= 2 && !TITLES.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** The parts of an organization's name or an address between commas, line breaks and semicolons. */
    private static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("[,;\\n]")) {
            if (flat(part).length() >= 4) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    /** Replaces the term wherever it stands as whole words, whatever the letter case and what separates its words. */
    private static String replace(String text, String term) {
        List<String> words = new ArrayList<>();
        for (String word : term.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(Pattern.quote(word));
            }
        }
        if (words.isEmpty()) {
            return text;
        }
        String regex = "(?iu)(?<![\\p{L}\\p{N}])" + String.join("[^\\p{L}\\p{N}]+", words) + "(?![\\p{L}\\p{N}])";
        return Pattern.compile(regex).matcher(text).replaceAll(Matcher.quoteReplacement(MARK));
    }

    /** Lower case, letters and digits only. */
    private static String flat(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Lower case, every run of other characters one space, a space at each end. */
    private static String spaced(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    }

    private static List<Identifier> concat(List<Identifier> a, List<Identifier> b) {
        List<Identifier> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
