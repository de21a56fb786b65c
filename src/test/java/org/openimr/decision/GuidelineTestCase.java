package org.openimr.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.DisputedItem;
import org.openimr.cases.DisputedItemFields;
import org.openimr.cases.ItemField;
import org.openimr.system.InputReader;

/**
 * One row of an analyst's test-case file (bpmn/guidelines/*.csv, beside the table it tests).
 * The format is explained in the comment block at the top of each file: a header row names the
 * columns; {@code case} names the case; {@code expectedOutcome}, {@code expectedRuleIds},
 * {@code expectedCapStatus}, {@code rationaleContains} and {@code citationContains} are what the
 * case expects (an empty cell is not checked, but each row must expect something); every other
 * column is a disputed-item field of the intake API, an empty cell meaning "not documented".
 */
record GuidelineTestCase(String file, int line, String name, Map<String, String> inputs,
        Map<String, String> expected) {

    static final Path FOLDER = Path.of("bpmn", "guidelines");
    /** The tables of the MTUS from 2017-12-01 (the ACOEM guidelines), in bpmn/guidelines/current. */
    static final String CURRENT_TABLES = "mtus2017_";
    /**
     * A file's default request date: in the CPMTG 2009 era for the tables of bpmn/guidelines, in
     * the latest edition for those of its subfolders (the ACOEM tables and the drug formulary).
     */
    static final String DEFAULT_REQUEST_DATE = "2014-06-20";
    static final String CURRENT_DEFAULT_REQUEST_DATE = "2025-06-02";
    static final Set<String> EXPECTATIONS = Set.of("expectedOutcome", "expectedRuleIds", "expectedCapStatus",
            "rationaleContains", "citationContains", "expectedFormularyStatus", "expectedFormularyRuleId",
            "formularyNoteContains");
    private static final Pattern TABLE_ID = Pattern.compile("<decision id=\"(mtus2017_|mtus_)(\\w+)\"");

    @Override
    public String toString() {
        return file + ":" + line + " " + name;
    }

    String where() {
        return "bpmn/guidelines/" + file + " line " + line + " (" + name + ")";
    }

    /** The item as the intake API would read it, with the file's defaults filled in. */
    DisputedItem item() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        inputs.forEach((name, text) -> json.set(name, value(DisputedItemFields.byName(name), text)));
        InputReader in = InputReader.of(json);
        DisputedItem item = ApplicationParser.item(in);
        in.rejectUnknownFields();
        if (in.hasProblems()) {
            throw new AssertionError(where() + ": " + in.problems());
        }
        return item;
    }

    private static JsonNode value(ItemField field, String text) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (field != null) {
            switch (field.kind()) {
                case INTEGER -> {
                    if (text.matches("-?\\d{1,9}")) {
                        return json.numberNode(Integer.parseInt(text));
                    }
                }
                case DECIMAL -> {
                    if (text.matches("-?\\d+(\\.\\d+)?")) {
                        return json.numberNode(new BigDecimal(text));
                    }
                }
                case BOOLEAN -> {
                    if (text.equals("true") || text.equals("false")) {
                        return json.booleanNode(Boolean.parseBoolean(text));
                    }
                }
                default -> {
                }
            }
        }
        // Left as text, so the intake reader names the problem ("must be a whole number", "is not a known field").
        return json.textNode(text);
    }

    static List<GuidelineTestCase> all() {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            List<GuidelineTestCase> cases = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                cases.addAll(read(file));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<GuidelineTestCase> read(Path file) throws IOException {
        String fileName = FOLDER.relativize(file).toString();
        Matcher table = table(file);
        String category = table == null ? null : table.group(2);
        boolean current = table != null ? table.group(1).equals(CURRENT_TABLES) : !file.getParent().equals(FOLDER);
        String defaultRequestDate = current ? CURRENT_DEFAULT_REQUEST_DATE : DEFAULT_REQUEST_DATE;
        List<String> lines = Files.readAllLines(file);
        List<String> header = null;
        List<GuidelineTestCase> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            String where = fileName + " line " + (i + 1);
            if (cells.size() != header.size()) {
                throw new IllegalStateException(where + ": " + cells.size() + " cells for " + header.size() + " columns");
            }
            Map<String, String> inputs = new LinkedHashMap<>();
            Map<String, String> expected = new LinkedHashMap<>();
            String name = null;
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                String cell = cells.get(c).strip();
                if (column.equals("case")) {
                    name = cell;
                } else if (EXPECTATIONS.contains(column)) {
                    if (!cell.isEmpty()) {
                        expected.put(column, cell);
                    }
                } else if (!cell.isEmpty()) {
                    inputs.put(column, cell);
                }
            }
            if (name == null || name.isEmpty() || expected.isEmpty()) {
                throw new IllegalStateException(where + ": a case needs a name and at least one expectation");
            }
            if (category != null) {
                inputs.putIfAbsent("treatmentCategory", category);
            }
            inputs.putIfAbsent("requestDate", defaultRequestDate);
            inputs.putIfAbsent("requestedTreatment", name);
            cases.add(new GuidelineTestCase(fileName, i + 1, name, inputs, expected));
        }
        return cases;
    }

    /** The table set (group 1) and category (group 2) of the table beside the file (x.dmn for x.csv), if it is a category table. */
    private static Matcher table(Path csv) throws IOException {
        Path dmn = csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", ".dmn"));
        if (!Files.exists(dmn)) {
            return null;
        }
        Matcher id = TABLE_ID.matcher(Files.readString(dmn));
        return id.find() ? id : null;
    }

    /** A comma-separated line; a cell in double quotes may hold commas, a doubled quote stands for one. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Rule ids are written separated by spaces. */
    static Set<String> ruleIds(String cell) {
        return Set.copyOf(Arrays.asList(cell.strip().split("\\s+")));
    }
}
