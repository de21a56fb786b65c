package org.openimr.decision;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openimr.cases.DisputedItem;

/** The facts of a disputed item in words, for the reviewer's form. */
final class ItemFacts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private static final Set<String> SHOWN_ELSEWHERE = Set.of("requestedTreatment", "claimsAdministratorGuideline");

    /** The start form's words for the fields it keys, so that intake and reviewer read the same labels. */
    private static final Map<String, String> LABELS = Map.of(
            "priorUnits", "Visits or sessions completed",
            "requestedUnits", "Visits or sessions requested",
            "adjunctToActiveTherapy", "Part of an active programme",
            "functionalImprovement", "Functional improvement shown",
            "exceptionFlag", "Exceptional circumstance (flare-up, re-injury)",
            "requestDate", "Request (RFA) date",
            "initialVisitWithin7DaysOfInjury", "Initial visit within 7 days of injury",
            "daysFromSurgery", "Days from surgery (surgery = day 0)");

    /** Codes that do not read as words once lower-cased. */
    private static final Map<String, String> CODE_WORDS = Map.ofEntries(
            Map.entry("NA", "not applicable"), Map.entry("CHIRO", "chiropractic / manipulation"),
            Map.entry("PT_CHRONIC", "physical or occupational therapy (chronic)"),
            Map.entry("PT_POSTSURG", "post-surgical physical medicine"), Map.entry("TENS", "TENS / electrotherapy"),
            Map.entry("EXERCISE_GYM", "home exercise, gym, aquatic therapy"), Map.entry("NSAID", "NSAIDs"),
            Map.entry("AED", "anti-epilepsy drugs"), Map.entry("PPI", "proton-pump inhibitors"),
            Map.entry("MRI_LUMBAR", "MRI lumbar spine"), Map.entry("MRI_CERVICAL", "MRI cervical spine"),
            Map.entry("EMG_NCV", "EMG / nerve conduction"), Map.entry("ESI", "epidural steroid injection"),
            Map.entry("RFA", "radiofrequency ablation"), Map.entry("FRP", "functional restoration programme"),
            Map.entry("UDS", "urine drug screen"), Map.entry("CTS_SURGERY", "carpal tunnel release"),
            Map.entry("CTS", "carpal tunnel syndrome"), Map.entry("OA", "osteoarthritis"),
            Map.entry("CRPS", "complex regional pain syndrome"), Map.entry("WRIST_HAND", "wrist / hand"),
            Map.entry("ANKLE_FOOT", "ankle / foot"));

    private ItemFacts() {
    }

    /**
     * The facts for the reviewer's form: what the application gives of the request, then each clinical
     * fact of the category's table with its value and where it stands: read in a document (its title and
     * page), established as not documented, or as the application gave it and not yet confirmed.
     */
    static String describe(DisputedItem given, CategoryFacts table, Map<String, EstablishedFacts.Fact> established,
            Map<Long, String> documentTitles) {
        StringBuilder text = new StringBuilder();
        given.facts().forEach((field, value) -> {
            if (CategoryFacts.APPLICATION_FIELDS.contains(field) && !SHOWN_ELSEWHERE.contains(field)) {
                text.append("- ").append(labelOf(field)).append(": ").append(words(value)).append('\n');
            }
        });
        for (CategoryFacts.Fact fact : table.clinicalFacts()) {
            EstablishedFacts.Fact done = established.get(fact.name());
            text.append("- ").append(labelOf(fact)).append(": ");
            if (done == null) {
                Object value = given.get(fact.name());
                text.append(value == null ? "empty (not yet established)"
                        : words(value) + " (as the application states; not yet confirmed from the records)");
            } else if (done.notDocumented()) {
                text.append("not documented in the records");
            } else {
                text.append(words(done.value())).append(" (").append(documentTitles.getOrDefault(done.documentId(),
                        "document " + done.documentId())).append(", page ").append(done.page()).append(')');
            }
            if (done != null && done.fromEarlierReview()) {
                text.append(" (as review ").append(done.reviewNo()).append(" established it; confirm or change it)");
            }
            text.append('\n');
        }
        if (given.claimsAdministratorGuideline() != null) {
            text.append("- Claims administrator's guideline: ").append(given.claimsAdministratorGuideline()).append('\n');
        }
        return text.toString().strip();
    }

    /** The words for a fact of a table: its column's label, else the field's words. */
    static String labelOf(CategoryFacts.Fact fact) {
        return fact.label() == null ? labelOf(fact.name()) : fact.label();
    }

    /** The words for a field: the start form's where it has them, else its name in words. */
    static String labelOf(String field) {
        return LABELS.getOrDefault(field, label(field));
    }

    /** "priorUnits" reads "Prior units"; "dailyMED" reads "Daily MED". */
    static String label(String field) {
        StringBuilder text = new StringBuilder();
        for (String word : field.split("(?<=[a-z])(?=[A-Z])")) {
            boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
            text.append(text.isEmpty() ? "" : " ").append(acronym ? word : word.toLowerCase(Locale.ROOT));
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String words(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        if (value instanceof LocalDate day) {
            return DAY.format(day);
        }
        if (value instanceof String code && code.equals(code.toUpperCase(Locale.ROOT))) {
            return CODE_WORDS.getOrDefault(code, code.replace('_', ' ').toLowerCase(Locale.ROOT));
        }
        return String.valueOf(value);
    }
}
