package org.openimr.system;

/**
 * The input entries a decision table may hold: legacy FEEL's simple unary tests, whose endpoints
 * the engine pastes into a JUEL expression, so only literals and plain names may be endpoints.
 * <pre>
 * entry    := "" | "-" | "not(" tests ")" | tests
 * tests    := test ("," test)*
 * test     := ("&lt;" | "&lt;=" | "&gt;" | "&gt;=") endpoint | interval | endpoint
 * interval := ("[" | "]" | "(") endpoint ".." endpoint ("]" | "[" | ")")
 * endpoint := number | "text" | true | false | null | name | date and time("...")
 * </pre>
 * Strings hold no quote and no backslash (JUEL would read an escape where FEEL does not).
 */
final class UnaryTests {

    private static final String NOT = "not(";
    private static final String DATE_AND_TIME = "date and time(";

    private final String text;
    private int at;

    private UnaryTests(String text) {
        this.text = text;
    }

    /** Why an input entry is refused, or null when it is a simple unary test. */
    static String problem(String entry) {
        String text = entry.strip();
        if (text.isEmpty() || text.equals("-")) {
            return null;
        }
        try {
            new UnaryTests(text).entry();
            return null;
        } catch (IllegalArgumentException refused) {
            return "is not a simple unary test (" + refused.getMessage() + "): comparisons, ranges, lists of "
                    + "literals, not(...), names and date and time(\"...\")";
        }
    }

    private void entry() {
        if (text.startsWith(NOT)) {
            at = NOT.length();
            tests();
            expect(")");
        } else {
            tests();
        }
        skipSpace();
        if (at < text.length()) {
            throw new IllegalArgumentException("unexpected " + text.charAt(at) + " at " + (at + 1));
        }
    }

    private void tests() {
        test();
        while (accept(",")) {
            test();
        }
    }

    private void test() {
        if (accept("<=") || accept(">=") || accept("<") || accept(">")) {
            endpoint();
        } else if (accept("[") || accept("]") || accept("(")) {
            endpoint();
            expect("..");
            endpoint();
            if (!(accept("]") || accept("[") || accept(")"))) {
                throw new IllegalArgumentException("a range must end with ], [ or )");
            }
        } else {
            endpoint();
        }
    }

    private void endpoint() {
        skipSpace();
        if (text.startsWith(DATE_AND_TIME, at)) {
            at += DATE_AND_TIME.length();
            string();
            expect(")");
        } else if (at < text.length() && text.charAt(at) == '"') {
            string();
        } else if (at < text.length() && (text.charAt(at) == '-' || isDigit(text.charAt(at)))) {
            number();
        } else if (at < text.length() && isLetter(text.charAt(at))) {
            int start = at;
            while (at < text.length() && (isLetter(text.charAt(at)) || isDigit(text.charAt(at)))) {
                at++;
            }
            if (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at))) {
                throw new IllegalArgumentException("unexpected " + text.charAt(at) + " at " + (at + 1));
            }
            if (text.substring(start, at).equals("not")) {
                throw new IllegalArgumentException("not(...) must enclose the whole entry");
            }
        } else {
            throw new IllegalArgumentException(at < text.length() ? "unexpected " + text.charAt(at) + " at " + (at + 1)
                    : "an endpoint is missing");
        }
    }

    private void string() {
        skipSpace();
        if (at >= text.length() || text.charAt(at) != '"') {
            throw new IllegalArgumentException("a string is missing");
        }
        int end = at + 1;
        while (end < text.length() && text.charAt(end) != '"') {
            if (text.charAt(end) == '\\') {
                throw new IllegalArgumentException("a backslash in a string");
            }
            end++;
        }
        if (end >= text.length()) {
            throw new IllegalArgumentException("a string is not closed");
        }
        at = end + 1;
    }

    private void number() {
        if (text.charAt(at) == '-') {
            at++;
        }
        int start = at;
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw new IllegalArgumentException("a number is missing after -");
        }
        if (at + 1 < text.length() && text.charAt(at) == '.' && isDigit(text.charAt(at + 1))) {
            at++;
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
        }
    }

    private boolean accept(String symbol) {
        skipSpace();
        if (text.startsWith(symbol, at)) {
            at += symbol.length();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!accept(symbol)) {
            throw new IllegalArgumentException(symbol + " expected at " + (at + 1));
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }
}
