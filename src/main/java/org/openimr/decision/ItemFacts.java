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

    static String describe(DisputedItem item) {
        StringBuilder text = new StringBuilder();
        item.facts().forEach((field, value) -> {
            if (!SHOWN_ELSEWHERE.contains(field)) {
                text.append("- ").append(LABELS.getOrDefault(field, label(field))).append(": ").append(words(value))
                        .append('\n');
            }
        });
        if (item.claimsAdministratorGuideline() != null) {
            text.append("- Claims administrator's guideline: ").append(item.claimsAdministratorGuideline()).append('\n');
        }
        return text.toString().strip();
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

    private static String words(Object value) {
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
