package org.openimr.decision;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.openimr.intake.DisputedItem;

/** The facts of a disputed item in words, for the reviewer's form. */
final class ItemFacts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private static final Set<String> SHOWN_ELSEWHERE = Set.of("requestedTreatment", "claimsAdministratorGuideline");

    private ItemFacts() {
    }

    static String describe(DisputedItem item) {
        StringBuilder text = new StringBuilder();
        item.facts().forEach((field, value) -> {
            if (!SHOWN_ELSEWHERE.contains(field)) {
                text.append("- ").append(label(field)).append(": ").append(words(value)).append('\n');
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
            return code.replace('_', ' ').toLowerCase(Locale.ROOT);
        }
        return String.valueOf(value);
    }
}
