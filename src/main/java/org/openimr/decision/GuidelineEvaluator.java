package org.openimr.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.openimr.decision.Recommendation.Finding;
import org.openimr.decision.Recommendation.Outcome;
import org.openimr.intake.DisputedItem;
import org.openimr.intake.DisputedItemFields;
import org.openimr.intake.ItemField;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Component;

/**
 * Applies the guideline decision tables of bpmn/guidelines/ to a disputed item. The edition gate
 * (X02) names the MTUS edition in force on the request date; the category table
 * {@code mtus_<treatmentCategory>} (hit policy COLLECT) returns one finding per matched rule.
 * Findings are aggregated so that every failed criterion is named: any NOT_MEDICALLY_NECESSARY
 * finding decides, then NEEDS_PHYSICIAN_JUDGEMENT, then MEDICALLY_NECESSARY. A category without
 * a table, or an item no rule matches, needs the physician's judgement; it never stops the case.
 */
@Component
public class GuidelineEvaluator {

    public static final String EDITION_DECISION = "mtusEdition";
    static final String TABLE_PREFIX = "mtus_";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final DecisionService decisionService;
    private final RepositoryService repositoryService;

    GuidelineEvaluator(DecisionService decisionService, RepositoryService repositoryService) {
        this.decisionService = decisionService;
        this.repositoryService = repositoryService;
    }

    public Recommendation evaluate(DisputedItem item) {
        Map<String, Object> inputs = inputs(item);
        String category = item.treatmentCategory();
        String table = TABLE_PREFIX + category;
        if (repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(table).count() == 0) {
            return physicianJudgement("NO-TABLE", "No guideline table covers treatment category " + category
                    + "; the reviewer decides on the medical evidence search sequence (8 CCR 9792.21.1).");
        }
        inputs.put("mtusEdition", decisionService.evaluateDecisionTableByKey(EDITION_DECISION)
                .variables(inputs).evaluate().getSingleEntry());
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> row : decisionService.evaluateDecisionTableByKey(table).variables(inputs).evaluate()
                .getResultList()) {
            findings.add(new Finding((String) row.get("ruleId"), Outcome.valueOf((String) row.get("recommendedOutcome")),
                    (String) row.get("guidelineCitation"), fill((String) row.get("rationaleTemplate"), inputs),
                    (String) row.get("citationConfidence")));
        }
        return aggregate(findings);
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
                return new Recommendation(outcome, deciding.stream().map(Finding::ruleId).toList(),
                        String.join("; ", citations),
                        String.join(" ", deciding.stream().map(Finding::rationale).toList()), confidence, findings);
            }
        }
        return physicianJudgement("NO-RULE", "No guideline rule matched the facts of this request; the reviewer "
                + "decides on the medical evidence.");
    }

    private static Recommendation physicianJudgement(String ruleId, String rationale) {
        Finding finding = new Finding(ruleId, Outcome.NEEDS_PHYSICIAN_JUDGEMENT,
                "Medical Evidence Search Sequence, 8 CCR 9792.21.1", rationale, "CONFIRMED");
        return new Recommendation(finding.outcome(), List.of(ruleId), finding.citation(), rationale,
                finding.confidence(), List.of(finding));
    }

    /**
     * Every field of the contract is an input, null when the item lacks it: the tables test for
     * null to send missing critical facts to physician judgement. Derived inputs are computed
     * here, null-safe, rather than in the tables' expressions.
     */
    static Map<String, Object> inputs(DisputedItem item) {
        Map<String, Object> inputs = new HashMap<>();
        for (ItemField field : DisputedItemFields.ALL) {
            Object value = item.get(field.name());
            inputs.put(field.name(), value instanceof LocalDate date ? Date.from(CaseClock.startOf(date)) : value);
        }
        Integer prior = (Integer) item.get("priorUnits");
        Integer requested = (Integer) item.get("requestedUnits");
        inputs.put("totalUnits", prior == null || requested == null ? null : prior + requested);
        return inputs;
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
