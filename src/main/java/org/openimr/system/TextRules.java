package org.openimr.system;

/**
 * What free text typed by a person may contain, wherever it enters (the API, the Tasklist forms):
 * letters, digits, punctuation, symbols and line breaks, in any script. Refused: control characters
 * other than line break and tab (NUL among them), invisible formatting characters (zero-width
 * spaces and joiners, bidirectional overrides and marks, soft hyphens), which make two texts look
 * the same while they differ (a duplicate application slipping past the duplicate check, a name
 * printed reversed in a letter), unpaired surrogates, which are not text at all, and private-use
 * and non-characters.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why the text is refused, as a field problem ("must ..."), or null when it is acceptable. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isSurrogate(text.charAt(i)) && Character.charCount(c) == 1) {
                return "must be valid Unicode text (it holds an unpaired surrogate)";
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return "must not contain control characters";
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT) {
                return "must not contain invisible formatting characters (zero-width or bidirectional marks)";
            }
            if (type == Character.PRIVATE_USE || isNonCharacter(c)) {
                return "must not contain private-use or non-characters";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean isNonCharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }
}
