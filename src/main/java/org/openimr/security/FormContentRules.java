package org.openimr.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.Problem;
import org.openimr.system.ModelProblem;

/**
 * What a Camunda Form may contain, since staff browsers render it inside their Tasklist session:
 * text and markdown, and HTML of the harmless kind (emphasis, lists, tables, links, images), but
 * no script: no element outside that list ({@code script}, {@code iframe}, {@code object},
 * {@code style}, {@code form}, {@code meta}...), no event-handler attribute ({@code onclick}...),
 * no {@code javascript:}, {@code vbscript:} or HTML {@code data:} address in a link, an image or
 * markdown, and no iframe component. Every string of the form is checked, whatever its key.
 */
final class FormContentRules {

    private static final Set<String> ELEMENTS = Set.of("a", "abbr", "b", "blockquote", "br", "code", "del", "div",
            "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "ol", "p", "pre", "s", "small",
            "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul");
    private static final Set<String> ATTRIBUTES = Set.of("href", "target", "rel", "title", "alt", "src", "width",
            "height", "colspan", "rowspan", "align", "class");
    private static final Set<String> ADDRESSES = Set.of("href", "src");
    private static final List<String> SCRIPT_SCHEMES = List.of("javascript:", "vbscript:", "data:text",
            "data:application", "data:image/svg");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Set<String> COMPONENTS_NOT_ALLOWED = Set.of("iframe");
    private static final Map<String, String> ENTITIES = Map.of("colon", ":", "tab", "\t", "newline", "\n",
            "amp", "&", "lpar", "(", "rpar", ")", "sol", "/", "quot", "\"", "apos", "'");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private FormContentRules() {
    }

    /** Every problem of a form, each naming its component (by id) and key; empty when it may be deployed. */
    static List<Problem> check(byte[] form) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try (JsonParser parser = JSON.createParser(form)) {
            root = JSON.readTree(parser);
            if (root == null || !root.isObject() || parser.nextToken() != null) {
                problems.add(new ModelProblem(null, "form", "is not one JSON object"));
                return problems;
            }
        } catch (IOException e) {
            problems.add(new ModelProblem(null, "form", "is not valid JSON (a Camunda Form)"));
            return problems;
        }
        check(root, null, "form", problems);
        return problems;
    }

    private static void check(JsonNode node, String componentId, String key, List<Problem> problems) {
        if (node.isObject()) {
            String id = node.path("id").isTextual() ? node.get("id").asText() : componentId;
            if (COMPONENTS_NOT_ALLOWED.contains(node.path("type").asText())) {
                problems.add(new ModelProblem(id, "type", "is " + node.get("type").asText()
                        + ": a form may not embed another page"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                check(field.getValue(), id, field.getKey(), problems);
            }
        } else if (node.isArray()) {
            node.forEach(element -> check(element, componentId, key, problems));
        } else if (node.isTextual()) {
            String reason = textProblem(node.asText());
            if (reason != null) {
                problems.add(ModelProblem.of(componentId, key, reason, node.asText()));
            }
        }
    }

    /** Why a text of the form could run script in the browser, or null. */
    static String textProblem(String text) {
        String scheme = scriptScheme(text);
        if (scheme != null) {
            return "holds a " + scheme + " address";
        }
        for (int at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
            String reason = tagProblem(text, at);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** The script address in a text, looked for as a browser reads it: entities decoded, spaces and case ignored. */
    private static String scriptScheme(String text) {
        String plain = squeeze(decodeEntities(text));
        for (String scheme : SCRIPT_SCHEMES) {
            for (int at = plain.indexOf(scheme); at >= 0; at = plain.indexOf(scheme, at + 1)) {
                // A scheme starts a word: "metadata:text" is no data: address.
                if (at == 0 || !Character.isLetterOrDigit(plain.charAt(at - 1))) {
                    return scheme;
                }
            }
        }
        return null;
    }

    private static String tagProblem(String text, int start) {
        int at = start + 1;
        if (at < text.length() && (text.charAt(at) == '!' || text.charAt(at) == '?')) {
            return "holds an HTML comment or declaration";
        }
        boolean closing = at < text.length() && text.charAt(at) == '/';
        if (closing) {
            at++;
        }
        int nameStart = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '-')) {
            at++;
        }
        if (at == nameStart || !Character.isLetter(text.charAt(nameStart))) {
            return null;
        }
        String name = text.substring(nameStart, at).toLowerCase(Locale.ROOT);
        // A markdown autolink, <https://...>: only web, mail and telephone addresses.
        if (!closing && at < text.length() && text.charAt(at) == ':') {
            return SAFE_SCHEMES.contains(name) ? null : "links to a " + name + ": address";
        }
        if (!ELEMENTS.contains(name)) {
            return "holds the HTML element <" + name + ">, which a form may not contain";
        }
        return attributesProblem(text, at);
    }

    private static String attributesProblem(String text, int from) {
        int at = from;
        while (true) {
            while (at < text.length() && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == '/')) {
                at++;
            }
            if (at >= text.length()) {
                return "leaves an HTML tag open";
            }
            if (text.charAt(at) == '>') {
                return null;
            }
            int nameStart = at;
            while (at < text.length() && "\t\n\f\r />=\"'".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String attribute = text.substring(nameStart, at).toLowerCase(Locale.ROOT);
            if (attribute.startsWith("on")) {
                return "holds the event-handler attribute " + attribute;
            }
            if (!ATTRIBUTES.contains(attribute)) {
                return "holds the HTML attribute " + (attribute.isEmpty() ? text.charAt(at) : attribute)
                        + ", which a form may not contain";
            }
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            String value = "";
            if (at < text.length() && text.charAt(at) == '=') {
                at++;
                while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
                int valueStart = at;
                if (at < text.length() && (text.charAt(at) == '"' || text.charAt(at) == '\'')) {
                    int end = text.indexOf(text.charAt(at), at + 1);
                    if (end < 0) {
                        return "leaves an HTML attribute value open";
                    }
                    value = text.substring(at + 1, end);
                    at = end + 1;
                } else {
                    while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && text.charAt(at) != '>') {
                        at++;
                    }
                    value = text.substring(valueStart, at);
                }
            }
            if (ADDRESSES.contains(attribute) && !safeAddress(value)) {
                return "links to an address that is not a web, mail or relative one: " + attribute + "=" + value;
            }
        }
    }

    private static boolean safeAddress(String value) {
        String address = squeeze(decodeEntities(value));
        int colon = address.indexOf(':');
        int path = indexOfAny(address, "/?#");
        if (colon < 0 || path >= 0 && path < colon) {
            return true;
        }
        return SAFE_SCHEMES.contains(address.substring(0, colon));
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Lower case without the whitespace and control characters a browser skips inside an address. */
    private static String squeeze(String text) {
        StringBuilder squeezed = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT && !Character.isSpaceChar(c))
                .forEach(squeezed::appendCodePoint);
        return squeezed.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Character references as a browser decodes them: numeric ones with or without their semicolon,
     * and the named ones that spell an address (&amp;colon; and the like).
     */
    private static String decodeEntities(String text) {
        StringBuilder decoded = new StringBuilder(text.length());
        int at = 0;
        while (at < text.length()) {
            int end = text.charAt(at) == '&' ? referenceEnd(text, at) : -1;
            String replacement = end > at ? entity(text.substring(at + 1, end)) : null;
            if (replacement == null) {
                decoded.append(text.charAt(at));
                at++;
            } else {
                decoded.append(replacement);
                at = end < text.length() && text.charAt(end) == ';' ? end + 1 : end;
            }
        }
        return decoded.toString();
    }

    /** Where the reference starting at {@code at} ends (its semicolon, or the end of its digits). */
    private static int referenceEnd(String text, int at) {
        int end = at + 1;
        if (end < text.length() && text.charAt(end) == '#') {
            end++;
            boolean hex = end < text.length() && (text.charAt(end) == 'x' || text.charAt(end) == 'X');
            if (hex) {
                end++;
            }
            while (end < text.length() && Character.digit(text.charAt(end), hex ? 16 : 10) >= 0) {
                end++;
            }
            return end;
        }
        int semicolon = text.indexOf(';', at);
        return semicolon < 0 || semicolon - at > 10 ? -1 : semicolon;
    }

    private static String entity(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
        return ENTITIES.get(name.toLowerCase(Locale.ROOT));
    }
}
