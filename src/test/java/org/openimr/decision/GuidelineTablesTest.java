package org.openimr.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openimr.cases.DisputedItemFields;
import org.openimr.decision.Recommendation.Formulary;
import org.openimr.decision.Recommendation.Outcome;

/**
 * Runs the analysts' test cases (bpmn/guidelines/*.csv) against the tables beside them, in a
 * standalone DMN engine configured like the application's and with the application's own
 * aggregation ({@link GuidelineEvaluator}). A failing case names its file and line. The suite also
 * fails when a rule of any table is hit by no case, or a table has no test-case file.
 */
class GuidelineTablesTest {

    private static final InMemoryGuidelineTables TABLES = InMemoryGuidelineTables.fromFolder(
            InMemoryGuidelineTables.standaloneEngine(List.of()), GuidelineTestCase.FOLDER);
    private static final GuidelineEvaluator EVALUATOR = new GuidelineEvaluator(TABLES);

    static List<GuidelineTestCase> cases() {
        return GuidelineTestCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseGivesTheExpectedRecommendation(GuidelineTestCase testCase) {
        check(testCase, EVALUATOR.evaluate(testCase.item()));
    }

    /**
     * Independent of which cases ran before: evaluates them all again and counts, per rule, the
     * cases that hit it. Each rule needs two, so that both sides of its limit, or the rule and a
     * variant, are pinned down.
     */
    @Test
    void everyRuleOfEveryTableIsHitByTwoCases() {
        Map<String, Integer> hits = new HashMap<>();
        Set<String> hitByThisCase = new HashSet<>();
        GuidelineEvaluator evaluator = new GuidelineEvaluator(InMemoryGuidelineTables.fromFolder(
                InMemoryGuidelineTables.standaloneEngine(List.of(recordHits(hitByThisCase))), GuidelineTestCase.FOLDER));
        for (GuidelineTestCase testCase : cases()) {
            hitByThisCase.clear();
            evaluator.evaluate(testCase.item());
            hitByThisCase.forEach(rule -> hits.merge(rule, 1, Integer::sum));
        }

        Map<String, Integer> tooFew = new TreeMap<>();
        for (DmnDecision decision : TABLES.decisions().values()) {
            for (DmnDecisionTableRuleImpl rule : ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules()) {
                String id = decision.getKey() + " rule " + rule.getId();
                if (hits.getOrDefault(id, 0) < 2) {
                    tooFew.put(id, hits.getOrDefault(id, 0));
                }
            }
        }
        assertThat(tooFew).as("rules hit by fewer than two test cases (add cases to the table's .csv)").isEmpty();
    }

    @Test
    void everyCategoryHasATableAndEveryTableATestCaseFile() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String category : DisputedItemFields.TREATMENT_CATEGORIES) {
            if (!category.equals("OTHER")) {
                softly.assertThat(TABLES.table(GuidelineEvaluator.TABLE_PREFIX + category)).as(category).isPresent();
                softly.assertThat(TABLES.table(GuidelineTestCase.CURRENT_TABLES + category)).as(category).isPresent();
            }
        }
        try (Stream<Path> files = Files.walk(GuidelineTestCase.FOLDER)) {
            files.filter(f -> f.toString().endsWith(".dmn")).forEach(dmn -> softly.assertThat(
                    dmn.resolveSibling(dmn.getFileName().toString().replace(".dmn", ".csv"))).as("test cases of " + dmn).exists());
        }
        softly.assertAll();
    }

    /** Citations, rationales and notes are shown to staff and written into letters: they name guidelines, not our files. */
    @Test
    void noCitationRationaleOrFormNamesAFileOfThisProject() throws Exception {
        Pattern outputEntry = Pattern.compile("<outputEntry[^>]*>\\s*<text>([^<]*)</text>");
        Pattern projectFile = Pattern.compile("shared/|\\.md\\b|guideline-rules|mtus-current-rules|bpmn/|\\.dmn\\b|\\.csv\\b");
        SoftAssertions softly = new SoftAssertions();
        try (Stream<Path> files = Stream.concat(Files.walk(GuidelineTestCase.FOLDER), Files.list(Path.of("forms")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dmn") || f.toString().endsWith(".form")).toList()) {
                String text = Files.readString(file);
                List<String> shown = new ArrayList<>();
                if (file.toString().endsWith(".form")) {
                    shown.add(text);
                } else {
                    Matcher entries = outputEntry.matcher(text);
                    while (entries.find()) {
                        shown.add(entries.group(1));
                    }
                }
                shown.forEach(words -> softly.assertThat(projectFile.matcher(words).find()).as(file + ": " + words).isFalse());
            }
        }
        softly.assertAll();
    }

    static void check(GuidelineTestCase testCase, Recommendation recommendation) {
        String where = testCase.where() + ": got " + recommendation.outcome() + " " + recommendation.ruleIds()
                + " \"" + recommendation.rationale() + "\"";
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> expected = testCase.expected();
        if (expected.containsKey("expectedOutcome")) {
            softly.assertThat(recommendation.outcome()).as(where).isEqualTo(outcome(expected.get("expectedOutcome")));
        }
        if (expected.containsKey("expectedRuleIds")) {
            softly.assertThat(new TreeSet<>(recommendation.ruleIds())).as(where)
                    .isEqualTo(new TreeSet<>(GuidelineTestCase.ruleIds(expected.get("expectedRuleIds"))));
        }
        if (expected.containsKey("expectedCapStatus")) {
            softly.assertThat(recommendation.advisory() == null ? "NONE" : recommendation.advisory().capStatus())
                    .as(where + " advisory " + recommendation.advisory()).isEqualTo(expected.get("expectedCapStatus"));
        }
        if (expected.containsKey("rationaleContains")) {
            for (String part : expected.get("rationaleContains").split("\\|")) {
                softly.assertThat(recommendation.rationale()).as(where).contains(part.strip());
            }
        }
        if (expected.containsKey("citationContains")) {
            softly.assertThat(recommendation.citation()).as(where).contains(expected.get("citationContains"));
        }
        Formulary formulary = recommendation.formulary();
        if (expected.containsKey("expectedFormularyStatus")) {
            String status = formulary == null ? "NONE" : formulary.formularyStatus() == null ? "NOT_FOUND"
                    : formulary.formularyStatus();
            softly.assertThat(status).as(where + " formulary " + formulary).isEqualTo(expected.get("expectedFormularyStatus"));
        }
        if (expected.containsKey("expectedFormularyRuleId")) {
            softly.assertThat(formulary == null ? "NONE" : formulary.ruleId()).as(where + " formulary " + formulary)
                    .isEqualTo(expected.get("expectedFormularyRuleId"));
        }
        if (expected.containsKey("formularyNoteContains")) {
            for (String part : expected.get("formularyNoteContains").split("\\|")) {
                softly.assertThat(formulary == null ? "" : formulary.note()).as(where + " formulary " + formulary)
                        .contains(part.strip());
            }
        }
        softly.assertAll();
    }

    /** Analysts may write MN, NOT_MN or NPJ for short. */
    static Outcome outcome(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "MN" -> Outcome.MEDICALLY_NECESSARY;
            case "NOT_MN" -> Outcome.NOT_MEDICALLY_NECESSARY;
            case "NPJ" -> Outcome.NEEDS_PHYSICIAN_JUDGEMENT;
            default -> Outcome.valueOf(text.strip());
        };
    }

    static DmnDecisionTableEvaluationListener recordHits(Set<String> hits) {
        return event -> event.getMatchingRules()
                .forEach(rule -> hits.add(event.getDecision().getKey() + " rule " + rule.getId()));
    }
}
