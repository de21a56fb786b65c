package org.openimr.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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
import org.openimr.cases.FormularyScope;
import org.openimr.decision.Recommendation.Advisory;
import org.openimr.decision.Recommendation.Finding;
import org.openimr.decision.Recommendation.Formulary;
import org.openimr.decision.Recommendation.Outcome;
import org.openimr.system.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Applies the guideline decision tables of bpmn/guidelines/ to a disputed item. The edition gate
 * (X02) names the MTUS edition in force on the request date, the set of category tables that
 * encode it ({@code mtus_} for the 2009 to 2017 editions, {@code mtus2017_} for the ACOEM
 * guidelines from 2017-12-01) and the version of each guideline, which citations name through
 * placeholders. The category table {@code <set><treatmentCategory>} (hit policy COLLECT) returns
 * one finding per matched rule. Findings are aggregated so that every failed criterion is named:
 * any NOT_MEDICALLY_NECESSARY finding decides, then NEEDS_PHYSICIAN_JUDGEMENT, then
 * MEDICALLY_NECESSARY. A category without a table, or an item no rule matches, needs the
 * physician's judgement; it never stops the case. The statutory visit cap (X01) and, for a drug
 * under the MTUS Drug Formulary, the drug's listing and the formulary rule (X03) are evaluated
 * beside it and only ever added as notes. The same code runs on the engine's deployed tables and
 * on tables parsed in memory.
 */
@Component
public class GuidelineEvaluator {

    public static final String EDITION_DECISION = "mtusEdition";
    public static final String CAP_DECISION = "statutoryVisitCap";
    public static final String DRUG_LIST_DECISION = "mtusDrugList";
    public static final String FORMULARY_DECISION = "mtusFormulary";
    /** What a drug-list row gives the formulary rules; all are set, null for a drug the list does not have. */
    private static final List<String> DRUG_LIST_OUTPUTS = List.of("listedDrug", "formularyStatus", "specialFillDays",
            "perioperativeFillDays", "drugListVersion", "listSource", "listConfidence");
    /** The tables of an edition whose gate row names no table set. */
    static final String TABLE_PREFIX = "mtus_";
    /** The edition gate's output naming the decision-key prefix of the edition's category tables. */
    static final String TABLES_OUTPUT = "guidelineTables";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern FIRST_WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** The clinical topic (8 CCR 9792.23.x) each body region falls under: an output of the edition gate. */
    private static final Map<String, String> REGION_GUIDELINES = Map.ofEntries(
            Map.entry("CERVICAL", "cervicalGuideline"), Map.entry("THORACIC", "cervicalGuideline"),
            Map.entry("LUMBAR", "lowBackGuideline"), Map.entry("SHOULDER", "shoulderGuideline"),
            Map.entry("ELBOW", "elbowGuideline"), Map.entry("FOREARM", "handWristGuideline"),
            Map.entry("WRIST_HAND", "handWristGuideline"), Map.entry("HIP", "hipGuideline"),
            Map.entry("KNEE", "kneeGuideline"), Map.entry("ANKLE_FOOT", "ankleFootGuideline"));

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
        Map<String, Object> edition = edition(inputs);
        edition.forEach(inputs::put);
        inputs.put("regionGuideline", inputs.get(REGION_GUIDELINES.getOrDefault(
                String.valueOf(item.get("bodyRegion")), "chronicPainGuideline")));
        Formulary formulary = formulary(item, inputs);
        String category = item.treatmentCategory();
        String tableSet = edition.get(TABLES_OUTPUT) instanceof String set ? set : TABLE_PREFIX;
        Optional<GuidelineTables.Table> table = tables.table(tableSet + category);
        if (table.isEmpty()) {
            return physicianJudgement("NO-TABLE", "No guideline table covers treatment category " + category
                    + "; the reviewer decides on the medical evidence search sequence (8 CCR 9792.21.1).")
                    .with(advisory, formulary);
        }
        // A column an analyst added for a fact the item lacks reads null, as every field of the contract does.
        for (TableColumn column : table.get().columns()) {
            if (!inputs.containsKey(column.variable())) {
                inputs.put(column.variable(), null);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> row : table.get().evaluate(inputs)) {
            findings.add(new Finding((String) row.get("ruleId"), Outcome.valueOf((String) row.get("recommendedOutcome")),
                    fill((String) row.get("guidelineCitation"), inputs), fill((String) row.get("rationaleTemplate"), inputs),
                    (String) row.get("citationConfidence")));
        }
        return aggregate(findings).with(advisory, formulary);
    }

    /** The facts the category's table in force on the request date reads (see {@link CategoryFacts}). */
    public CategoryFacts facts(String category, LocalDate requestDate) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("requestDate", Date.from(CaseClock.startOf(requestDate)));
        Map<String, Object> edition = edition(inputs);
        String key = (edition.get(TABLES_OUTPUT) instanceof String set ? set : TABLE_PREFIX) + category;
        Optional<GuidelineTables.Table> table = tables.table(key);
        return CategoryFacts.of(category, table.isPresent() ? key : null, (String) edition.get(EDITION_DECISION),
                table.map(GuidelineTables.Table::columns).orElse(List.of()), edition.keySet());
    }

    /**
     * The facts the tables evaluated beside the category's read for this item: the statutory visit
     * cap's and, for a drug under the MTUS Drug Formulary, the drug list's and the formulary rules'.
     */
    public Set<String> factsReadBeside(DisputedItem item) {
        List<String> keys = FormularyScope.drugUnderFormulary(item)
                ? List.of(CAP_DECISION, DRUG_LIST_DECISION, FORMULARY_DECISION) : List.of(CAP_DECISION);
        Set<String> names = new LinkedHashSet<>();
        for (String key : keys) {
            tables.table(key).ifPresent(table -> names.addAll(
                    CategoryFacts.of(null, key, null, table.columns(), Set.of()).names()));
        }
        return names;
    }

    /** The edition gate's row for the request date: the edition, its table set and its guideline versions. */
    private Map<String, Object> edition(Map<String, Object> inputs) {
        List<Map<String, Object>> rows = tables.table(EDITION_DECISION)
                .orElseThrow(() -> new IllegalStateException("No decision " + EDITION_DECISION + " is deployed"))
                .evaluate(inputs);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /**
     * For a drug the MTUS Drug Formulary covers: its row of the drug list (looked up by the keys of
     * its name, see {@link DrugNames}), then the formulary rule for this request. The item's own
     * formularyStatus stands in for a drug the list as encoded here does not have.
     */
    private Formulary formulary(DisputedItem item, Map<String, Object> inputs) {
        if (!FormularyScope.drugUnderFormulary(item)) {
            return null;
        }
        Map<String, Object> listed = Map.of();
        Optional<GuidelineTables.Table> drugList = tables.table(DRUG_LIST_DECISION);
        for (String key : DrugNames.keys((String) item.get("drugName"))) {
            inputs.put("drugKey", key);
            List<Map<String, Object>> rows = drugList.map(list -> list.evaluate(inputs)).orElse(List.of());
            if (!rows.isEmpty()) {
                listed = rows.get(0);
                break;
            }
        }
        for (String output : DRUG_LIST_OUTPUTS) {
            inputs.put(output, listed.get(output));
        }
        if (listed.get("formularyStatus") == null && item.get("formularyStatus") != null) {
            inputs.put("formularyStatus", item.get("formularyStatus"));
            inputs.put("listSource", "status as given in the request; the drug is not in the list as encoded here");
        }
        if (listed.get("listedDrug") == null) {
            inputs.put("listedDrug", item.get("drugName"));
        }
        List<Map<String, Object>> rows = tables.table(FORMULARY_DECISION).map(rules -> rules.evaluate(inputs))
                .orElse(List.of());
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> rule = rows.get(0);
        boolean confirmed = "CONFIRMED".equals(rule.get("citationConfidence"))
                && (listed.isEmpty() || "CONFIRMED".equals(listed.get("listConfidence")));
        return new Formulary((String) rule.get("ruleId"), (String) rule.get("formularyFinding"),
                (String) inputs.get("listedDrug"), (String) inputs.get("formularyStatus"),
                (String) inputs.get("drugListVersion"), (Integer) inputs.get("specialFillDays"),
                (Integer) inputs.get("perioperativeFillDays"), (Boolean) rule.get("prospectiveReviewRequired"),
                fill((String) rule.get("guidelineCitation"), inputs), fill((String) rule.get("rationaleTemplate"), inputs),
                confirmed ? "CONFIRMED" : "UNCONFIRMED");
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
                        String.join(" ", deciding.stream().map(Finding::rationale).distinct().toList()), confidence, findings, null,
                        null);
            }
        }
        return physicianJudgement("NO-RULE", "No guideline rule matched the facts of this request; the reviewer "
                + "decides on the medical evidence.");
    }

    private static Recommendation physicianJudgement(String ruleId, String rationale) {
        Finding finding = new Finding(ruleId, Outcome.NEEDS_PHYSICIAN_JUDGEMENT,
                "Medical Evidence Search Sequence, 8 CCR 9792.21.1", rationale, "CONFIRMED");
        return new Recommendation(finding.outcome(), List.of(ruleId), finding.citation(), rationale,
                finding.confidence(), List.of(finding), null, null);
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
        inputs.put("capVisits", sum((Integer) item.get("cumulativeVisitsThisInjury"), requested));
        inputs.put("drugNameKey", firstWord((String) item.get("drugName")));
        if (item.get("painPhase") == null) {
            inputs.put("painPhase", painPhase((Integer) item.get("symptomWeeks"), (Boolean) item.get("chronicPain")));
        }
        return inputs;
    }

    /**
     * The phase of the ACOEM guidelines when the item does not state it: acute under 1 month,
     * subacute 1 to 3 months, chronic beyond (8 CCR 9792.20: chronic pain lasts 3 months or more).
     */
    static String painPhase(Integer symptomWeeks, Boolean chronicPain) {
        if (symptomWeeks != null) {
            return symptomWeeks < 4 ? "ACUTE" : symptomWeeks < 13 ? "SUBACUTE" : "CHRONIC";
        }
        return Boolean.TRUE.equals(chronicPain) ? "CHRONIC" : null;
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

    /** Fills {field} placeholders with the item's values: numbers and texts as they are, codes in words. */
    static String fill(String template, Map<String, Object> inputs) {
        if (template == null) {
            return "";
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            Object value = inputs.get(matcher.group(1));
            String replacement = value == null ? "not documented"
                    : value instanceof String code && CODE.matcher(code).matches()
                            ? code.replace('_', ' ').toLowerCase(Locale.ROOT)
                    : value instanceof Double number && number == Math.rint(number) ? String.valueOf(number.longValue())
                    : String.valueOf(value);
            matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
