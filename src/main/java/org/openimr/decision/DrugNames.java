package org.openimr.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys a drug name is looked up by in the MTUS Drug List table: the first two words that name
 * the drug, joined ("tylenol-codeine", "hydrocodone-acetaminophen", "diclofenac-gel"), then the
 * first alone ("gabapentin"). Doses, salts and release forms are not part of a key, so that
 * "Hydrocodone bitartrate and acetaminophen 10/325 mg" and "Norco 10-325" both find their row.
 * The two-word key is tried first so that a combination is not taken for its first ingredient.
 */
final class DrugNames {

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    private static final Set<String> NOT_THE_DRUG = Set.of("with", "and", "plus", "hcl", "hydrochloride", "sodium",
            "potassium", "bitartrate", "sulfate", "tartrate", "succinate", "er", "xr", "sr", "cr", "dr", "ir", "la",
            "xl", "mg", "mcg", "ml", "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "cap", "caps", "oral",
            "generic", "brand", "extended", "release", "delayed", "immediate");

    private DrugNames() {
    }

    static List<String> keys(String drugName) {
        if (drugName == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(drugName);
        while (word.find() && words.size() < 2) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (!NOT_THE_DRUG.contains(lower)) {
                words.add(lower);
            }
        }
        return switch (words.size()) {
            case 0 -> List.of();
            case 1 -> List.of(words.get(0));
            default -> List.of(words.get(0) + "-" + words.get(1), words.get(0));
        };
    }
}
