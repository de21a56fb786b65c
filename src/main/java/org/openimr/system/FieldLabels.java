package org.openimr.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The words a person reads for a field's path: the labels of the Camunda Forms ({@code forms/*.form}),
 * items numbered from 1. {@code disputedItems[1].requestDate} reads "Disputed treatment 2: Request
 * (RFA) date", {@code employee.name} "Injured employee: Name", {@code variables.pagesReviewed} "Pages
 * reviewed". A path no form names reads as its words ("priorUnits": "Prior units").
 */
public final class FieldLabels {

    private static final String SECTION = ": ";
    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

    /** Top-level field labels and group labels by key; fields within a group by "group.key". */
    private static final Map<String, String> LABELS = load();

    private FieldLabels() {
    }

    public static String of(String path) {
        if (path == null || path.isBlank()) {
            return path;
        }
        String[] segments = path.replaceFirst("^variables\\.", "").split("\\.");
        List<String> words = new ArrayList<>();
        String group = null;
        for (String segment : segments) {
            Matcher indexed = INDEXED.matcher(segment);
            String key = segment;
            String number = null;
            if (indexed.matches()) {
                key = indexed.group(1);
                number = String.valueOf(Integer.parseInt(indexed.group(2)) + 1);
            }
            String label = group == null ? null : LABELS.get(group + "." + key);
            if (label == null) {
                label = LABELS.get(key);
            }
            if (label == null && number != null) {
                // disputedItems[1] is the form's group disputedItem2, labelled "Disputed treatment 2"
                String single = key.endsWith("s") ? key.substring(0, key.length() - 1) : key;
                String first = LABELS.get(single + "1");
                if (first != null) {
                    label = first.replaceFirst("1$", number);
                    group = single + "1";
                    number = null;
                } else {
                    group = key;
                    key = single;
                }
            } else {
                group = key;
            }
            words.add((label == null ? words(key) : label) + (number == null ? "" : " " + number));
        }
        return String.join(": ", words);
    }

    /** The field's own label, without its section or group: "UR decision date" for {@code urDecisionDate}. */
    public static String shortOf(String path) {
        String label = of(path);
        return label.substring(label.lastIndexOf(SECTION) + 1).strip();
    }

    /** "requestDate" reads "Request date". */
    private static String words(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static Map<String, String> load() {
        Map<String, String> labels = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    collect(json.readTree(in).path("components"), null, null, labels);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The forms cannot be read for their labels", e);
        }
        return Map.copyOf(labels);
    }

    /**
     * {@code section} is the label of an enclosing group that has no path of its own ("Utilization
     * review decision"): its fields read with it, "Utilization review decision: Date served".
     */
    private static void collect(JsonNode components, String group, String section, Map<String, String> labels) {
        for (JsonNode component : components) {
            String label = component.has("dateLabel") ? component.path("dateLabel").asText()
                    : component.path("label").asText("");
            boolean plain = !label.isBlank() && !label.startsWith("=");
            if (component.has("path")) {
                String path = component.path("path").asText();
                if (plain) {
                    labels.putIfAbsent(path, label);
                }
                collect(component.path("components"), path, null, labels);
            } else if (component.has("key") && plain) {
                String key = component.path("key").asText();
                labels.putIfAbsent(group == null ? key : group + "." + key, section == null ? label : section + SECTION + label);
            } else if (component.has("components")) {
                collect(component.path("components"), group, plain ? label : section, labels);
            }
        }
    }
}
