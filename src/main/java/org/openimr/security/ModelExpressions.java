package org.openimr.security;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expressions a model may contain: a small subset of JUEL, checked as text before the engine
 * parses it. The grammar, in JUEL's own precedence:
 * <pre>
 * text       := (plain text | "${" expression "}" | "#{" expression "}")*
 * expression := or ("?" expression ":" expression)?
 * or, and, equality, relational, additive, multiplicative, unary: JUEL's operators
 * value      := literal | "(" expression ")" | reference
 * reference  := variable ("." name | "[" literal "]")*         a process variable, or a map or list in one
 *             | scope "." property                             execution or task, {@link ModelApi#SCOPE_PROPERTIES}
 *             | scope "." method "(" arguments ")"             {@link ModelApi#SCOPE_METHODS}
 *             | bean "." method "(" arguments ")"              {@link ModelApi#BEANS}
 *             | function "(" arguments ")"                     {@link ModelApi#FUNCTIONS}
 *             | "dateTime()" ("." dateMethod "(" arguments ")")*
 * </pre>
 * Everything else is refused: a method called on anything but a listed bean (so no
 * {@code getClass}, reflection or class loading), a member of a literal, a name of one of the
 * application's other beans, prefixed functions, {@code instanceof}. Strings may not hold a
 * backslash and an expression marker may not be escaped, so that this check and JUEL always
 * agree on where an expression begins and ends.
 */
final class ModelExpressions {

    private static final int MAX_DEPTH = 32;
    private static final Pattern DELEGATE = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Set<String> TWO_CHARACTER_OPERATORS = Set.of("&&", "||", "==", "!=", "<=", ">=");
    private static final String ONE_CHARACTER_OPERATORS = "+-*/%()!<>?:.[],";

    private final Set<String> otherBeans;

    /** @param otherBeans the names of the application's beans that are not for models */
    ModelExpressions(Set<String> otherBeans) {
        this.otherBeans = Set.copyOf(otherBeans);
    }

    /** Why a text (plain text with expressions in it) may not stay in a model; empty when it may. */
    Optional<String> check(String text) {
        try {
            new Check(text).text();
            return Optional.empty();
        } catch (Refusal refusal) {
            return Optional.of(refusal.getMessage());
        }
    }

    /** Why a delegate expression may not stay: it must be {@code ${name}} of a listed delegate. */
    static Optional<String> checkDelegate(String text) {
        Matcher delegate = DELEGATE.matcher(text);
        if (!delegate.matches()) {
            return Optional.of("must name one of the application's delegates as ${name}");
        }
        return ModelApi.DELEGATES.contains(delegate.group(1)) ? Optional.empty()
                : Optional.of(delegate.group(1) + " is not one of the application's delegates ("
                        + String.join(", ", new TreeSet<>(ModelApi.DELEGATES)) + ")");
    }

    private enum Type { IDENTIFIER, STRING, NUMBER, LITERAL, OPERATOR, END }

    private record Token(Type type, String text, int end) {

        boolean is(String operator) {
            return type == Type.OPERATOR && text.equals(operator);
        }
    }

    /** What a reference names, which decides what may follow it. */
    private enum Reference { VARIABLE, SCOPE, BEAN, DATE, RESULT }

    private final class Check {

        private final String text;
        private Token token;
        private int depth;

        Check(String text) {
            this.text = text;
        }

        void text() {
            int from = 0;
            while (true) {
                int start = nextMarker(from);
                if (start < 0) {
                    return;
                }
                if (start > 0 && text.charAt(start - 1) == '\\') {
                    throw new Refusal("escapes " + text.substring(start, start + 2)
                            + ": a model's text may not hide an expression marker");
                }
                token = scan(start + 2);
                expression();
                if (token.type() != Type.END) {
                    throw unexpected();
                }
                from = token.end();
            }
        }

        private int nextMarker(int from) {
            int dollar = text.indexOf("${", from);
            int hash = text.indexOf("#{", from);
            return dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
        }

        private void expression() {
            if (++depth > MAX_DEPTH) {
                throw new Refusal("nests deeper than " + MAX_DEPTH + " levels");
            }
            binary(0);
            if (token.is("?")) {
                advance();
                expression();
                expect(":");
                expression();
            }
            depth--;
        }

        /** JUEL's binary operators, loosest first: or, and, equality, relational, additive, multiplicative. */
        private static final String[][] LEVELS = {{"||"}, {"&&"}, {"==", "!="}, {"<", "<=", ">", ">="}, {"+", "-"},
            {"*", "/", "%"}};

        private void binary(int level) {
            if (level == LEVELS.length) {
                unary();
                return;
            }
            binary(level + 1);
            while (isOneOf(LEVELS[level])) {
                advance();
                binary(level + 1);
            }
        }

        private boolean isOneOf(String[] operators) {
            for (String operator : operators) {
                if (token.is(operator)) {
                    return true;
                }
            }
            return false;
        }

        private void unary() {
            if (token.is("!") || token.is("-") || token.is("empty")) {
                advance();
                if (++depth > MAX_DEPTH) {
                    throw new Refusal("nests deeper than " + MAX_DEPTH + " levels");
                }
                unary();
                depth--;
                return;
            }
            switch (token.type()) {
                case STRING, NUMBER, LITERAL -> {
                    advance();
                    refuseMember("a literal");
                }
                case IDENTIFIER -> reference();
                case OPERATOR -> {
                    if (!token.is("(")) {
                        throw unexpected();
                    }
                    advance();
                    expression();
                    expect(")");
                    refuseMember("a value in parentheses");
                }
                default -> throw unexpected();
            }
        }

        private void refuseMember(String what) {
            if (token.is(".") || token.is("[")) {
                throw new Refusal("reaches into " + what + ": only variables and the listed beans have members");
            }
        }

        private void reference() {
            String name = token.text();
            advance();
            Reference reference;
            if (token.is("(")) {
                if (!ModelApi.FUNCTIONS.contains(name)) {
                    throw new Refusal("calls " + name + "(): the functions a model may call are "
                            + "now(), dateTime(), currentUser() and currentUserGroups()");
                }
                arguments();
                reference = ModelApi.DATE_TIME.equals(name) ? Reference.DATE : Reference.RESULT;
            } else if (token.is(":") && prefixedFunction()) {
                throw new Refusal("calls a function with a prefix (" + name + ":...): not allowed in models");
            } else if (ModelApi.BEANS.containsKey(name)) {
                reference = Reference.BEAN;
            } else if (ModelApi.DELEGATES.contains(name)) {
                throw new Refusal("names the delegate " + name + " outside camunda:delegateExpression");
            } else if (ModelApi.SCOPES.contains(name)) {
                reference = Reference.SCOPE;
            } else if (otherBeans.contains(name)) {
                throw new Refusal("names the server component " + name + ", which models may not use");
            } else {
                reference = Reference.VARIABLE;
            }
            while (token.is(".") || token.is("[")) {
                reference = token.is("[") ? index(reference) : member(name, reference);
            }
            if (reference == Reference.BEAN) {
                throw new Refusal("names the bean " + name + " without calling one of its methods ("
                        + ModelApi.callable() + ")");
            }
        }

        private boolean prefixedFunction() {
            Token next = scan(token.end());
            return next.type() == Type.IDENTIFIER && scan(next.end()).is("(");
        }

        private Reference index(Reference reference) {
            if (reference != Reference.VARIABLE) {
                throw new Refusal("indexes something that is not a variable");
            }
            advance();
            if (token.type() != Type.STRING && token.type() != Type.NUMBER) {
                throw new Refusal("indexes a variable with something other than a literal");
            }
            if ("class".equals(token.text())) {
                throw new Refusal("reads the class of a value");
            }
            advance();
            expect("]");
            return Reference.VARIABLE;
        }

        private Reference member(String name, Reference reference) {
            advance();
            if (token.type() != Type.IDENTIFIER) {
                throw unexpected();
            }
            String member = token.text();
            advance();
            if (token.is("(")) {
                Reference result = call(name, reference, member);
                arguments();
                return result;
            }
            return switch (reference) {
                case SCOPE -> {
                    if (!ModelApi.SCOPE_PROPERTIES.contains(member)) {
                        throw new Refusal("reads " + name + "." + member + ": a model may read "
                                + String.join(", ", new TreeSet<>(ModelApi.SCOPE_PROPERTIES)));
                    }
                    yield Reference.RESULT;
                }
                case VARIABLE -> {
                    if ("class".equals(member)) {
                        throw new Refusal("reads the class of a value");
                    }
                    yield Reference.VARIABLE;
                }
                case BEAN -> throw new Refusal("reads " + member + " of the bean " + name
                        + ": a model only calls the bean's listed methods");
                default -> throw new Refusal("reads " + member + " of a computed value");
            };
        }

        private Reference call(String name, Reference reference, String method) {
            switch (reference) {
                case BEAN -> {
                    if (!ModelApi.BEANS.get(name).contains(method)) {
                        throw new Refusal("calls " + name + "." + method + "(), which is not a method models may call ("
                                + ModelApi.callable() + ")");
                    }
                    return Reference.RESULT;
                }
                case SCOPE -> {
                    if (!ModelApi.SCOPE_METHODS.contains(method)) {
                        throw new Refusal("calls " + name + "." + method + "(): on the " + name
                                + " a model may call only " + String.join(", ",
                                        new TreeSet<>(ModelApi.SCOPE_METHODS)));
                    }
                    return Reference.RESULT;
                }
                case DATE -> {
                    if (!ModelApi.DATE_TIME_METHODS.contains(method)) {
                        throw new Refusal("calls " + method + "() on dateTime(): only date arithmetic and toDate()");
                    }
                    return "toDate".equals(method) ? Reference.RESULT : Reference.DATE;
                }
                default -> throw new Refusal("calls " + method + "() on a value: a model calls methods only on the "
                        + "beans listed for models (" + ModelApi.callable() + ")");
            }
        }

        private void arguments() {
            expect("(");
            if (token.is(")")) {
                advance();
                return;
            }
            expression();
            while (token.is(",")) {
                advance();
                expression();
            }
            expect(")");
        }

        private void expect(String operator) {
            if (!token.is(operator)) {
                throw unexpected();
            }
            advance();
        }

        private void advance() {
            token = scan(token.end());
        }

        private Refusal unexpected() {
            String found = token.type() == Type.END ? "}" : token.text();
            return new Refusal("is not an expression a model may contain (unexpected " + found + ")");
        }

        /** The token that starts at or after the given position, inside an expression. */
        private Token scan(int from) {
            int at = from;
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at >= text.length()) {
                throw new Refusal("does not close its expression with }");
            }
            char c = text.charAt(at);
            if (c == '}') {
                return new Token(Type.END, "}", at + 1);
            }
            if (c == '\'' || c == '"') {
                return string(at, c);
            }
            if (isDigit(c) || c == '.' && at + 1 < text.length() && isDigit(text.charAt(at + 1))) {
                return number(at);
            }
            if (isLetter(c)) {
                return word(at);
            }
            if (at + 1 < text.length() && TWO_CHARACTER_OPERATORS.contains(text.substring(at, at + 2))) {
                return new Token(Type.OPERATOR, text.substring(at, at + 2), at + 2);
            }
            if (ONE_CHARACTER_OPERATORS.indexOf(c) >= 0) {
                return new Token(Type.OPERATOR, String.valueOf(c), at + 1);
            }
            throw new Refusal("is not an expression a model may contain (unexpected character " + c + ")");
        }

        private Token string(int start, char quote) {
            for (int at = start + 1; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == '\\') {
                    throw new Refusal("has a backslash in a string");
                }
                if (c == quote) {
                    return new Token(Type.STRING, text.substring(start + 1, at), at + 1);
                }
            }
            throw new Refusal("does not close a string");
        }

        private Token number(int start) {
            int at = digits(start);
            if (at < text.length() && text.charAt(at) == '.') {
                at = digits(at + 1);
            }
            if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                int exponent = at + 1;
                if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                    exponent++;
                }
                if (exponent < text.length() && isDigit(text.charAt(exponent))) {
                    at = digits(exponent);
                }
            }
            return new Token(Type.NUMBER, text.substring(start, at), at);
        }

        private int digits(int from) {
            int at = from;
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
            return at;
        }

        private Token word(int start) {
            int at = start + 1;
            while (at < text.length() && (isLetter(text.charAt(at)) || isDigit(text.charAt(at)))) {
                at++;
            }
            if (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at))) {
                // JUEL would read a longer name ($, letters beyond ASCII, ignorable characters): refused, not guessed.
                throw new Refusal("is not an expression a model may contain (unexpected character "
                        + text.charAt(at) + ")");
            }
            String word = text.substring(start, at);
            return switch (word) {
                case "true", "false", "null" -> new Token(Type.LITERAL, word, at);
                case "and" -> new Token(Type.OPERATOR, "&&", at);
                case "or" -> new Token(Type.OPERATOR, "||", at);
                case "not" -> new Token(Type.OPERATOR, "!", at);
                case "eq" -> new Token(Type.OPERATOR, "==", at);
                case "ne" -> new Token(Type.OPERATOR, "!=", at);
                case "lt" -> new Token(Type.OPERATOR, "<", at);
                case "le" -> new Token(Type.OPERATOR, "<=", at);
                case "gt" -> new Token(Type.OPERATOR, ">", at);
                case "ge" -> new Token(Type.OPERATOR, ">=", at);
                case "div" -> new Token(Type.OPERATOR, "/", at);
                case "mod" -> new Token(Type.OPERATOR, "%", at);
                case "empty" -> new Token(Type.OPERATOR, "empty", at);
                case "instanceof" -> throw new Refusal("uses instanceof: not allowed in models");
                default -> new Token(Type.IDENTIFIER, word, at);
            };
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }
    }

    /** Why an expression is refused; carries no stack trace, being an answer, not a failure. */
    private static final class Refusal extends RuntimeException {

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
