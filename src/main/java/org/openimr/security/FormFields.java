package org.openimr.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The process variables a Camunda Form submits, read from the form's definition: each field's key
 * and each group's or dynamic list's path at the top level (a group without a path submits its
 * fields as they are), with the most characters a text field accepts: its own maxLength, never more
 * than a Camunda string variable holds (4,000).
 */
final class FormFields {

    /** What a process variable of type String holds in the engine's tables. */
    static final int STRING_VARIABLE_LIMIT = 4000;

    /** A form that submits nothing: for a task without a form, or whose form cannot be read. */
    static final FormFields NONE = new FormFields(Map.of());

    private static final Set<String> NOT_FIELDS = Set.of("button", "text", "html", "image", "spacer", "separator",
            "iframe", "table", "documentPreview");

    private final Map<String, Integer> maxLengths;

    private FormFields(Map<String, Integer> maxLengths) {
        this.maxLengths = maxLengths;
    }

    static FormFields of(JsonNode form) {
        Map<String, Integer> fields = new HashMap<>();
        collect(form.path("components"), fields);
        return new FormFields(Map.copyOf(fields));
    }

    boolean contains(String variable) {
        return maxLengths.containsKey(variable);
    }

    Set<String> names() {
        return maxLengths.keySet();
    }

    /** The most characters a text value of the variable may have. */
    int maxLength(String variable) {
        return Optional.ofNullable(maxLengths.get(variable)).orElse(STRING_VARIABLE_LIMIT);
    }

    private static void collect(JsonNode components, Map<String, Integer> fields) {
        for (JsonNode component : components) {
            String path = component.path("path").asText("");
            String key = component.path("key").asText("");
            if (!path.isEmpty()) {
                // A group or dynamic list with a path submits one variable holding its fields.
                fields.put(topLevel(path), STRING_VARIABLE_LIMIT);
                continue;
            }
            if (!key.isEmpty() && !NOT_FIELDS.contains(component.path("type").asText())) {
                int maxLength = component.path("validate").path("maxLength").asInt(STRING_VARIABLE_LIMIT);
                fields.put(topLevel(key), Math.min(maxLength, STRING_VARIABLE_LIMIT));
            }
            collect(component.path("components"), fields);
        }
    }

    private static String topLevel(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
