package org.openimr.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openimr.system.VariableWrites;

/**
 * The process variables a Camunda Form submits, read from the form's definition, with the rules
 * the form itself states, so that the server holds a submission to them and not only the browser:
 * each field's key and each group's or dynamic list's path at the top level (a group without a path
 * submits its fields as they are); the most characters a text field takes (its maxLength, never
 * more than a Camunda string variable holds: 4,000); whether it is required; the least and most a
 * number field takes; and, for radio buttons and selects with options of their own, the values it
 * offers. A field that the form shows only
 * under a condition is not required here: the condition is the browser's to evaluate.
 */
final class FormFields {

    /** A form that submits nothing: for a task without a form, or whose form cannot be read. */
    static final FormFields NONE = new FormFields(Map.of());

    private static final Set<String> NOT_FIELDS = Set.of("button", "text", "html", "image", "spacer", "separator",
            "iframe", "table", "documentPreview");

    /** One variable the form submits. {@code options} is null when any value may be given, min and max when any number. */
    record Field(int maxLength, boolean required, List<String> options, Double min, Double max) {
    }

    private final Map<String, Field> fields;

    private FormFields(Map<String, Field> fields) {
        this.fields = fields;
    }

    static FormFields of(JsonNode form) {
        Map<String, Field> fields = new HashMap<>();
        collect(form.path("components"), false, fields);
        return new FormFields(Map.copyOf(fields));
    }

    /** The rules of the variable, or null when the form has no such field. */
    Field field(String variable) {
        return fields.get(variable);
    }

    /** The variables a submission must carry. */
    List<String> required() {
        return fields.entrySet().stream().filter(entry -> entry.getValue().required()).map(Map.Entry::getKey)
                .sorted().toList();
    }

    private static void collect(JsonNode components, boolean conditional, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String path = component.path("path").asText("");
            String key = component.path("key").asText("");
            boolean shownOnCondition = conditional || component.has("conditional");
            if (!path.isEmpty()) {
                // A group or dynamic list with a path submits one variable holding its fields, checked where it is read.
                fields.put(topLevel(path), new Field(VariableWrites.STRING_LIMIT, false, null, null, null));
                continue;
            }
            if (!key.isEmpty() && !NOT_FIELDS.contains(component.path("type").asText())) {
                JsonNode validate = component.path("validate");
                int maxLength = Math.min(validate.path("maxLength").asInt(VariableWrites.STRING_LIMIT), VariableWrites.STRING_LIMIT);
                boolean required = validate.path("required").asBoolean(false) && !shownOnCondition;
                fields.put(topLevel(key), new Field(maxLength, required, options(component), bound(validate, "min"),
                        bound(validate, "max")));
            }
            collect(component.path("components"), shownOnCondition, fields);
        }
    }

    private static List<String> options(JsonNode component) {
        if (!component.path("values").isArray() || component.path("values").isEmpty()) {
            return null;
        }
        List<String> options = new ArrayList<>();
        component.path("values").forEach(option -> options.add(option.path("value").asText()));
        return List.copyOf(options);
    }

    private static Double bound(JsonNode validate, String name) {
        return validate.path(name).isNumber() ? validate.path(name).doubleValue() : null;
    }

    private static String topLevel(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
