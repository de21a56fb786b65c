package org.openimr.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Which table each rule id belongs to, and so which MTUS editions: read from the tables
 * themselves. The edition gate's rows name, per edition, the decision-key prefix of its category
 * tables (output guidelineTables); a rule of a table with that prefix belongs to those editions.
 * Rules of tables no edition routes to (the visit cap, the drug formulary) apply whatever the
 * edition and list none.
 */
final class RuleCatalog {

    /** One rule id: the decision that holds it and the editions that reach it. */
    record Entry(String ruleId, String decisionKey, String decisionName, List<String> editions, String confidence) {
    }

    private final Map<String, Entry> byRuleId;

    private RuleCatalog(Map<String, Entry> byRuleId) {
        this.byRuleId = byRuleId;
    }

    /** The catalog of a set of tables: each decision key with the model it is taken from. */
    static RuleCatalog of(Map<String, DmnModelInstance> modelsByDecisionKey) {
        Map<String, List<String>> editionsByPrefix = new LinkedHashMap<>();
        List<Decision> tables = new ArrayList<>();
        for (Map.Entry<String, DmnModelInstance> model : modelsByDecisionKey.entrySet()) {
            if (!(model.getValue().getModelElementById(model.getKey()) instanceof Decision decision)
                    || !(decision.getExpression() instanceof DecisionTable table)) {
                continue;
            }
            if (!decision.getId().equals(GuidelineEvaluator.EDITION_DECISION)) {
                tables.add(decision);
                continue;
            }
            for (Rule rule : table.getRules()) {
                String prefix = output(table, rule, GuidelineEvaluator.TABLES_OUTPUT);
                String edition = output(table, rule, "mtusEdition");
                if (prefix != null && edition != null) {
                    editionsByPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(edition);
                }
            }
        }
        Map<String, Entry> byRuleId = new LinkedHashMap<>();
        for (Decision decision : tables) {
            String prefix = editionsByPrefix.keySet().stream().filter(decision.getId()::startsWith)
                    .max(Comparator.comparingInt(String::length)).orElse(null);
            List<String> editions = prefix == null ? List.of() : List.copyOf(editionsByPrefix.get(prefix));
            DecisionTable table = (DecisionTable) decision.getExpression();
            for (Rule rule : table.getRules()) {
                String ruleId = output(table, rule, "ruleId");
                if (ruleId != null) {
                    byRuleId.putIfAbsent(ruleId, new Entry(ruleId, decision.getId(), decision.getName(), editions,
                            output(table, rule, "citationConfidence")));
                }
            }
        }
        return new RuleCatalog(byRuleId);
    }

    /** The rule's entry, or one without a decision for ids the evaluator gives itself (NO-TABLE, NO-RULE). */
    Entry entry(String ruleId) {
        return byRuleId.getOrDefault(ruleId, new Entry(ruleId, null, null, List.of(), null));
    }

    List<Entry> entries() {
        return List.copyOf(byRuleId.values());
    }

    /** An output entry's text without the quotes of a string literal; null when empty. */
    private static String output(DecisionTable table, Rule rule, String outputName) {
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
        for (int i = 0; i < outputs.size() && i < entries.size(); i++) {
            if (outputName.equals(outputs.get(i).getName())) {
                String text = entries.get(i).getText() == null ? null : entries.get(i).getText().getTextContent().strip();
                if (text == null || text.isEmpty()) {
                    return null;
                }
                return text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2
                        ? text.substring(1, text.length() - 1) : text;
            }
        }
        return null;
    }
}
