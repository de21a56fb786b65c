package org.openimr.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a JSON request strictly and collects every problem instead of stopping at the first:
 * wrong types, missing required fields, over-long or control-character text, unknown enum
 * values and unknown fields are all reported with their path, so a client fixes them in one go.
 */
public final class InputReader {

    private final JsonNode node;
    private final String path;
    private final List<FieldProblem> problems;
    private final Set<String> read = new HashSet<>();

    private InputReader(JsonNode node, String path, List<FieldProblem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Starts reading a request body, which must be a JSON object. */
    public static InputReader of(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            problems.add(new FieldProblem("body", "must be a JSON object"));
            return new InputReader(null, "", problems);
        }
        return new InputReader(body, "", problems);
    }

    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public void problem(String name, String problem) {
        problems.add(new FieldProblem(path(name), problem));
    }

    /** Whether the field is present and not null. */
    public boolean has(String name) {
        return value(name) != null;
    }

    public String text(String name, boolean required, int maxLength) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        if (!value.isTextual()) {
            problem(name, "must be a string");
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            return missing(name, required);
        }
        if (text.length() > maxLength) {
            problem(name, "must be at most " + maxLength + " characters");
            return null;
        }
        String refused = TextRules.problem(text);
        if (refused != null) {
            problem(name, refused);
            return null;
        }
        return text;
    }

    public LocalDate date(String name, boolean required) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        if (!value.isTextual()) {
            problem(name, "must be a date as a string YYYY-MM-DD");
            return null;
        }
        String text = value.asText().strip();
        try {
            // Four-digit years only: ISO also reads "+12345-01-01".
            if (text.length() < 10 || !Character.isDigit(text.charAt(0))) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            // Tasklist date fields may carry a time part; it must be a real time, and the date is what counts.
            LocalDate date = text.length() > 10 && text.charAt(10) == 'T'
                    ? LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(text))
                    : LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            if (date.getYear() < 1900) {
                problem(name, "must not be before 1900");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problem(name, "must be a valid date YYYY-MM-DD");
            return null;
        }
    }

    public Boolean bool(String name, boolean required) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        if (!value.isBoolean()) {
            problem(name, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    public Integer integer(String name, boolean required, int min, int max) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(name, "must be a whole number");
            return null;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            problem(name, "must be between " + min + " and " + max);
            return null;
        }
        return number;
    }

    public BigDecimal decimal(String name, boolean required, BigDecimal min, BigDecimal max) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        // A literal beyond the range of a double (1e999) reads as infinity, which is no number.
        if (!value.isNumber() || (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()))) {
            problem(name, "must be a number");
            return null;
        }
        BigDecimal number = value.decimalValue();
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            problem(name, "must be between " + min.toPlainString() + " and " + max.toPlainString());
            return null;
        }
        return number;
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
        String text = oneOf(name, required, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        return text == null ? null : Enum.valueOf(type, text);
    }

    /** A string that must be one of the allowed values (upper-case codes). */
    public String oneOf(String name, boolean required, List<String> allowed) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        if (!value.isTextual()) {
            problem(name, "must be one of " + String.join(", ", allowed));
            return null;
        }
        String text = value.asText().strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(text)) {
            problem(name, "must be one of " + String.join(", ", allowed));
            return null;
        }
        return text;
    }

    /** A nested object; null when absent (reported when required) or of the wrong type. */
    public InputReader object(String name, boolean required) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        if (!value.isObject()) {
            problem(name, "must be an object");
            return null;
        }
        return new InputReader(value, path(name), problems);
    }

    /** An array of objects, each read by {@code eachItem}. */
    public void objects(String name, int minSize, int maxSize, Consumer<InputReader> eachItem) {
        JsonNode value = value(name);
        if (value == null) {
            if (minSize > 0) {
                problem(name, "is required");
            }
            return;
        }
        if (!value.isArray()) {
            problem(name, "must be an array");
            return;
        }
        if (value.size() < minSize) {
            problem(name, minSize == 1 ? "must not be empty" : "must have at least " + minSize + " entries");
            return;
        }
        if (value.size() > maxSize) {
            problem(name, "must have at most " + maxSize + " entries");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = path(name) + "[" + i + "]";
            if (!element.isObject()) {
                problems.add(new FieldProblem(elementPath, "must be an object"));
                continue;
            }
            InputReader reader = new InputReader(element, elementPath, problems);
            eachItem.accept(reader);
            reader.rejectUnknownFields();
        }
    }

    /** The named array when it holds minSize to maxSize entries; null, with the problem reported, otherwise. */
    private JsonNode array(String name, int minSize, int maxSize) {
        JsonNode value = value(name);
        if (value == null) {
            if (minSize > 0) {
                problem(name, "is required");
            }
            return null;
        }
        if (!value.isArray()) {
            problem(name, "must be an array");
            return null;
        }
        if (value.size() < minSize || value.size() > maxSize) {
            problem(name, "must have " + minSize + " to " + maxSize + " entries");
            return null;
        }
        return value;
    }

    /** An array of strings, each checked like {@link #text}; null when absent (reported when minSize > 0) or invalid. */
    public List<String> texts(String name, int minSize, int maxSize, int maxLength) {
        JsonNode value = array(name, minSize, maxSize);
        if (value == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = path(name) + "[" + i + "]";
            String text = element.isTextual() ? element.asText().strip() : "";
            if (text.isEmpty() || text.length() > maxLength || text.contains("\n") || text.contains("\r")
                    || text.contains("\t") || TextRules.problem(text) != null) {
                problems.add(new FieldProblem(elementPath, "must be a non-empty string of at most " + maxLength
                        + " characters"));
            } else {
                texts.add(text);
            }
        }
        return texts.size() == value.size() ? texts : null;
    }

    /**
     * An array of distinct whole numbers from {@code min} to {@code max}; null when absent (reported
     * when minSize > 0) or invalid.
     */
    public List<Integer> integers(String name, int minSize, int maxSize, int min, int max) {
        JsonNode value = array(name, minSize, maxSize);
        if (value == null) {
            return null;
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = path(name) + "[" + i + "]";
            if (!element.isIntegralNumber() || !element.canConvertToInt() || element.intValue() < min
                    || element.intValue() > max) {
                problems.add(new FieldProblem(elementPath, "must be a whole number from " + min + " to " + max));
            } else if (numbers.contains(element.intValue())) {
                problems.add(new FieldProblem(elementPath, "is given twice"));
            } else {
                numbers.add(element.intValue());
            }
        }
        return numbers.size() == value.size() ? numbers : null;
    }

    /** Reports every field of this object that was never read: strict input, no silent drops. */
    public void rejectUnknownFields() {
        if (node == null) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                problem(name, "is not a known field");
            }
        }
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Throws {@link InvalidInputException} listing every problem found so far, if any. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    public Set<String> fieldNames() {
        if (node == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode value(String name) {
        read.add(name);
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private <T> T missing(String name, boolean required) {
        if (required) {
            problem(name, "is required");
        }
        return null;
    }
}
