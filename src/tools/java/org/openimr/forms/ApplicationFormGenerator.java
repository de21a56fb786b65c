package org.openimr.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds the paper-application start form (forms/imr-application.form) from its template, which
 * holds one disputed treatment: the group with path {@code disputedItem1}. The form repeats that
 * group for items 2 to N, each shown when the number of disputed treatments chosen reaches it, and
 * offers 1 to N as that number. A form-js dynamic list would need no copies, but Tasklist 7.24
 * keeps its Start button disabled for any form holding one (form-js 1.8 leaves an entry in the
 * form's errors for every field of a list, valid or not, and Tasklist counts the entries).
 * <p>
 * In item n, the group's path is {@code disputedItem<n>}, its label ends in n instead of 1, and
 * every id and layout row inside it ends in n where the template's end in 1: so each id and row of
 * the template's group must end in 1. The output is written as Camunda Modeler writes a form (two
 * spaces of indentation), so that a form saved by Modeler and this one differ only where they
 * really do.
 * <p>
 * Run by the build ({@code mvn generate-resources}, see pom.xml) in source-file mode:
 * {@code java -cp <jackson> ApplicationFormGenerator.java <template> <output> <N>}.
 */
public final class ApplicationFormGenerator {

    static final String ITEM_PATH = "disputedItem";
    static final String COUNT_KEY = "disputedTreatmentCount";
    static final String FORM_ID = "imr-application";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApplicationFormGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ApplicationFormGenerator <template> <output> <number of items>");
        }
        ObjectNode template = (ObjectNode) JSON.readTree(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        String form = write(generate(template, Integer.parseInt(args[2])));
        Path output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, form, StandardCharsets.UTF_8);
    }

    static ObjectNode generate(ObjectNode template, int items) {
        ObjectNode form = template.deepCopy();
        form.put("id", FORM_ID);
        ArrayNode components = (ArrayNode) form.get("components");
        int first = indexOfItem(components);
        ObjectNode item = (ObjectNode) components.get(first);
        for (int n = items; n >= 2; n--) {
            components.insert(first + 1, itemNumber(item, n));
        }
        countField(components).set("values", counts(items));
        return form;
    }

    private static int indexOfItem(ArrayNode components) {
        for (int i = 0; i < components.size(); i++) {
            if ((ITEM_PATH + 1).equals(components.get(i).path("path").asText())) {
                return i;
            }
        }
        throw new IllegalArgumentException("The template has no group with path " + ITEM_PATH + 1);
    }

    private static ObjectNode countField(ArrayNode components) {
        for (JsonNode component : components) {
            if (COUNT_KEY.equals(component.path("key").asText())) {
                return (ObjectNode) component;
            }
        }
        throw new IllegalArgumentException("The template has no field with key " + COUNT_KEY);
    }

    private static ObjectNode itemNumber(ObjectNode template, int n) {
        ObjectNode item = template.deepCopy();
        String label = item.path("label").asText();
        item.put("label", label.substring(0, label.length() - 1) + n);
        item.put("path", ITEM_PATH + n);
        renumber(item, n);
        item.putObject("conditional").put("hide", "=number(" + COUNT_KEY + ") < " + n);
        return item;
    }

    private static void renumber(ObjectNode component, int n) {
        component.put("id", numbered(component.path("id").asText(), n));
        if (component.path("layout").has("row")) {
            ObjectNode layout = (ObjectNode) component.get("layout");
            layout.put("row", numbered(layout.get("row").asText(), n));
        }
        for (JsonNode child : component.path("components")) {
            renumber((ObjectNode) child, n);
        }
    }

    private static String numbered(String templateId, int n) {
        if (!templateId.endsWith("1")) {
            throw new IllegalArgumentException("An id or row in the item template must end in 1, the item's number: "
                    + templateId);
        }
        return templateId.substring(0, templateId.length() - 1) + n;
    }

    private static ArrayNode counts(int items) {
        ArrayNode values = JSON.createArrayNode();
        for (int n = 1; n <= items; n++) {
            values.addObject().put("label", String.valueOf(n)).put("value", String.valueOf(n));
        }
        return values;
    }

    /** The JSON as Camunda Modeler saves it: JSON.stringify with two spaces, and a final line break. */
    static String write(JsonNode form) throws IOException {
        StringBuilder out = new StringBuilder();
        write(form, "", out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) throws IOException {
        String inner = indent + "  ";
        if (node.isObject() && !node.isEmpty()) {
            out.append("{\n");
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(inner).append(JSON.writeValueAsString(field.getKey())).append(": ");
                write(field.getValue(), inner, out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray() && !node.isEmpty()) {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(inner);
                write(node.get(i), inner, out);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }
}
