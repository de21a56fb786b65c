package org.openimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.Problem;
import org.junit.jupiter.api.Test;

/**
 * The rules for decision tables: every table the application ships keeps them, with the input
 * entries the README lists; JUEL where legacy FEEL would paste it, another expression language and
 * expression markers are refused naming the element and attribute.
 */
class DecisionTableRulesTest {

    @Test
    void everyShippedTableKeepsTheRules() throws IOException {
        List<Path> tables;
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("bpmn")), Files.list(Path.of("bpmn/guidelines")))) {
            tables = files.filter(file -> file.toString().endsWith(".dmn")).toList();
        }
        assertThat(tables).hasSizeGreaterThan(25);
        for (Path table : tables) {
            try (InputStream model = Files.newInputStream(table)) {
                assertThat(DecisionTableRules.check(model)).as(table.toString()).isEmpty();
            }
        }
    }

    @Test
    void simpleUnaryTestsAreInputEntries() {
        for (String entry : List.of("", "-", "< 6", ">= 18", "<=-2.5", "[7..18]", "]1..3[", "(0..10)", "\"KNEE\"",
                "\"KNEE\",\"ANKLE_FOOT\"", "not(\"CTS\")", "not(>= 50)", "not(true)", "true", "false", "null",
                "date and time(\"2004-01-01T00:00:00\")",
                "[date and time(\"2009-07-18T00:00:00\")..date and time(\"2016-07-29T00:00:00\")[",
                "maxUnits", "< maxUnits", "\"a,b\", \"c\"")) {
            assertThat(UnaryTests.problem(entry)).as(entry).isNull();
        }
    }

    @Test
    void anythingMoreIsNotAnInputEntry() {
        for (String entry : List.of("cellInput.getClass()", "< x.y", "\"a\" + b", "[1..x.getClass()]", "[1..3",
                "not(\"a\"), \"b\"", "not (\"a\")", "date and time(x)", "date  and time(\"2004-01-01\")",
                "\"a\\\" || x.getClass() || \\\"\"", "'single'", "x == 1", "f(1)", "- 5", "not", "\"unclosed",
                "1..3", "<", "\"a\",", "a$b")) {
            assertThat(UnaryTests.problem(entry)).as(entry).isNotNull().contains("is not a simple unary test");
        }
    }

    @Test
    void aTableWithJuelOrAnotherLanguageIsRefusedNamingElementAndAttribute() {
        assertThat(problems(table("priorUnits.getClass()", "-", "\"A\"", ""))).containsExactly(
                "Expression, inputExpression text must be a plain variable name (a field of the item): "
                        + "priorUnits.getClass()");
        assertThat(problems(table("x", "${x.getClass()}", "\"A\"", ""))).containsExactly(
                "Entry, inputEntry text holds an expression: ${x.getClass()}");
        assertThat(problems(table("x", "-", "\"A\" + x", ""))).containsExactly(
                "Output, outputEntry text must be a literal (\"text\", a number, true, false or null): \"A\" + x");
        assertThat(problems(table("x", "-", "\"A\"", " expressionLanguage=\"javascript\""))).containsExactly(
                "Entry, expressionLanguage chooses an expression language other than FEEL; tables hold plain names, "
                        + "simple unary tests and literals: javascript");
        assertThat(problems(table("x", "-", "\"A\"", " expressionLanguage=\"feel\""))).isEmpty();
        assertThat(problems(table("x", "\"B\", < 3", "12", ""))).isEmpty();
    }

    private static List<String> problems(String table) {
        return DecisionTableRules.check(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))).stream()
                .map(Problem::getMessage).toList();
    }

    private static String table(String inputExpression, String inputEntry, String outputEntry, String entryAttribute) {
        return OneRuleTable.of("t", inputExpression, inputEntry, outputEntry, entryAttribute);
    }
}
