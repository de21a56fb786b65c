package org.openimr.decision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.openimr.cases.DisputedItem;
import org.openimr.decision.Recommendation.Advisory;
import org.openimr.decision.Recommendation.Finding;
import org.openimr.decision.Recommendation.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Applies the guideline decision tables of bpmn/guidelines/ to a disputed item. The edition gate
 * (X02) names the MTUS edition in force on the request date; the category table
 * {@code mtus_<treatmentCategory>} (hit policy COLLECT) returns one finding per matched rule.
 * Findings are aggregated so that every failed criterion is named: any NOT_MEDICALLY_NECESSARY
 * finding decides, then NEEDS_PHYSICIAN_JUDGEMENT, then MEDICALLY_NECESSARY. A category without
 * a table, or an item no rule matches, needs the physician's judgement; it never stops the case.
 * The statutory visit cap (X01) is evaluated beside it and only ever added as an advisory note.
 * The same code runs on the engine's deployed tables and on tables parsed in memory.
 */
@Component
public class GuidelineEvaluator {

    public static final String EDITION_DECISION = "mtusEdition";
    public static final String CAP_DECISION = "statutoryVisitCap";
    static final String TABLE_PREFIX = "mtus_";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern FIRST_WORD = Pattern.compile("[A-Za-z]+");

    private final GuidelineTables tables;

    @Autowired
    GuidelineEvaluator(DecisionService decisionService, RepositoryService repositoryService) {
        this(new EngineGuidelineTables(decisionService, repositoryService));
    }

    GuidelineEvaluator(GuidelineTables tables) {
        this.tables = tables;
    }

    public Recommendation evaluate(DisputedItem item) {
        Map<String, Object> inputs = inputs(item);
        Advisory advisory = advisory(inputs);
        String category = item.treatmentCategory();
        Optional<GuidelineTables.Table> table = tables.table(TABLE_PREFIX + category);
        if (table.isEmpty()) {
            return physicianJudgement("NO-TABLE", "No guideline table covers treatment category " + category
                    + "; the reviewer decides on the medical evidence search sequence (8 CCR 9792.21.1).")
                    .withAdvisory(advisory);
        }
        List<Map<String, Object>> edition = tables.table(EDITION_DECISION)
                .orElseThrow(() -> new IllegalStateException("No decision " + EDITION_DECISION + " is deployed"))
                .evaluate(inputs);
        inputs.put("mtusEdition", edition.isEmpty() ? null : edition.get(0).get("mtusEdition"));
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> row : table.get().evaluate(inputs)) {
            findings.add(new Finding((String) row.get("ruleId"), Outcome.valueOf((String) row.get("recommendedOutcome")),
                    (String) row.get("guidelineCitation"), fill((String) row.get("rationaleTemplate"), inputs),
                    (String) row.get("citationConfidence")));
        }
        return aggregate(findings).withAdvisory(advisory);
    }

    /** The statutory visit cap (X01), a claims matter kept out of the outcome; null where it says nothing. */
    private Advisory advisory(Map<String, Object> inputs) {
        List<Map<String, Object>> rows = tables.table(CAP_DECISION).map(cap -> cap.evaluate(inputs)).orElse(List.of());
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        String note = fill((String) row.get("rationaleTemplate"), inputs);
        return note.isEmpty() ? null : new Advisory((String) row.get("ruleId"), (String) row.get("capStatus"),
                (String) row.get("guidelineCitation"), note, (String) row.get("citationConfidence"));
    }

    static Recommendation aggregate(List<Finding> findings) {
        for (Outcome outcome : List.of(Outcome.NOT_MEDICALLY_NECESSARY, Outcome.NEEDS_PHYSICIAN_JUDGEMENT,
                Outcome.MEDICALLY_NECESSARY)) {
            List<Finding> deciding = findings.stream().filter(f -> f.outcome() == outcome).toList();
            if (!deciding.isEmpty()) {
                Set<String> citations = new LinkedHashSet<>();
                deciding.forEach(f -> citations.add(f.citation()));
                String confidence = deciding.stream().allMatch(f -> "CONFIRMED".equals(f.confidence()))
                        ? "CONFIRMED" : "UNCONFIRMED";
                return new Recommendation(outcome, deciding.stream().map(Finding::ruleId).distinct().toList(),
                        String.join("; ", citations),
                        String.join(" ", deciding.stream().map(Finding::rationale).toList()), confidence, findings, null);
            }
        }
        return physicianJudgement("NO-RULE", "No guideline rule matched the facts of this request; the reviewer "
                + "decides on the medical evidence.");
    }

    private static Recommendation physicianJudgement(String ruleId, String rationale) {
        Finding finding = new Finding(ruleId, Outcome.NEEDS_PHYSICIAN_JUDGEMENT,
                "Medical Evidence Search Sequence, 8 CCR 9792.21.1", rationale, "CONFIRMED");
        return new Recommendation(finding.outcome(), List.of(ruleId), finding.citation(), rationale,
                finding.confidence(), List.of(finding), null);
    }

    /**
     * Every field of the contract is an input, null when the item lacks it: the tables test for
     * null to send missing critical facts to physician judgement. Derived inputs are computed
     * here, null-safe, rather than in the tables' expressions.
     */
    static Map<String, Object> inputs(DisputedItem item) {
        Map<String, Object> inputs = new ItemInputs(item);
        Integer requested = (Integer) item.get("requestedUnits");
        inputs.put("totalUnits", sum((Integer) item.get("priorUnits"), requested));
        inputs.put("totalFrpDays", sum((Integer) item.get("priorFrpDays"), requested));
        inputs.put("capVisits", sum((Integer) item.get("cumulativeVisitsThisInjury"), requested));
        inputs.put("drugNameKey", firstWord((String) item.get("drugName")));
        return inputs;
    }

    /** Null when either is unknown: JUEL would take a missing number for 0. */
    private static Integer sum(Integer done, Integer requested) {
        return done == null || requested == null ? null : done + requested;
    }

    /** "Soma 350 mg" -> "soma": the tables match drugs on the first word of the name, in lower case. */
    private static String firstWord(String name) {
        if (name == null) {
            return null;
        }
        Matcher word = FIRST_WORD.matcher(name);
        return word.find() ? word.group().toLowerCase(Locale.ROOT) : null;
    }

    /** Fills {field} placeholders with the item's values: numbers as they are, codes in words. */
    static String fill(String template, Map<String, Object> inputs) {
        if (template == null) {
            return "";
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            Object value = inputs.get(matcher.group(1));
            String replacement = value == null ? "not documented"
                    : value instanceof String code ? code.replace('_', ' ').toLowerCase(Locale.ROOT)
                    : value instanceof Double number && number == Math.rint(number) ? String.valueOf(number.longValue())
                    : String.valueOf(value);
            matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
