package org.openimr.letter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What changed in a letter's wording between two versions, sentence by sentence, for the QA
 * reviewer who returned the first: the sentences taken out and those put in, in letter order, as
 * Markdown for the form.
 */
final class LetterChanges {

    /** The running footer of each page, which names the page and is no part of the wording. */
    private static final Pattern FOOTER = Pattern.compile("(?m)^.*· IMR Case \\S+\\s+Page \\d+ of \\d+\\s*$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.;:])\\s+(?=[A-Z(])");
    private static final int MOST_SHOWN = 10;
    private static final int LONGEST_SENTENCE = 300;

    private LetterChanges() {
    }

    static String between(String before, String after) {
        Set<String> old = sentences(before);
        Set<String> now = sentences(after);
        List<String> lines = new ArrayList<>();
        old.stream().filter(sentence -> !now.contains(sentence))
                .forEach(sentence -> lines.add("- **Taken out:** " + shortened(sentence)));
        now.stream().filter(sentence -> !old.contains(sentence))
                .forEach(sentence -> lines.add("- **Put in:** " + shortened(sentence)));
        if (lines.isEmpty()) {
            return "No wording changed.";
        }
        if (lines.size() > MOST_SHOWN) {
            int more = lines.size() - MOST_SHOWN;
            lines.subList(MOST_SHOWN, lines.size()).clear();
            lines.add("- and " + more + " more; compare the two PDFs.");
        }
        return String.join("\n", lines);
    }

    private static Set<String> sentences(String text) {
        String body = FOOTER.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
        return new LinkedHashSet<>(Arrays.asList(SENTENCE_END.split(body)));
    }

    private static String shortened(String sentence) {
        return sentence.length() <= LONGEST_SENTENCE ? sentence : sentence.substring(0, LONGEST_SENTENCE - 1) + "…";
    }
}
