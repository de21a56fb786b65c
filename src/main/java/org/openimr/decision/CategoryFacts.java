package org.openimr.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openimr.cases.DisputedItem;
import org.openimr.cases.DisputedItemFields;
import org.openimr.cases.ItemField;
import org.openimr.system.InputReader;

/**
 * The facts a category's deployed table reads for a request date: each input column's variable,
 * or, for a derived input such as {@code totalUnits}, the facts it is computed from. Read from the
 * table itself, so that a column an analyst adds in Modeler is a fact without a change here.
 * Inputs that come from the edition gate (the MTUS edition, the guideline versions) depend on the
 * request date alone and are not facts to establish.
 */
public record CategoryFacts(String category, String decisionKey, String mtusEdition, List<Fact> facts,
        List<DerivedInput> derivedInputs) {

    /**
     * What the application itself carries (DWC Form IMR): the treatment as requested, its category and
     * body region, its dates. Every other fact is clinical, established from the records.
     */
    public static final Set<String> APPLICATION_FIELDS = Set.of("requestedTreatment", "treatmentCategory",
            "requestDate", "bodyRegion", "claimsAdministratorGuideline", "drugName", "dateOfInjury");

    private static final int TEXT_LIMIT = 2000;

    /** The inputs the evaluator computes, each from the facts named. */
    static final Map<String, List<String>> DERIVED = Map.of(
            "totalUnits", List.of("priorUnits", "requestedUnits"),
            "capVisits", List.of("cumulativeVisitsThisInjury", "requestedUnits"),
            "drugNameKey", List.of("drugName"),
            "drugKey", List.of("drugName"),
            "regionGuideline", List.of("bodyRegion"));

    /**
     * One fact: its name (the item field), type (the DMN typeRef), allowed values, label and
     * description as the table's column gives them, whether the application carries it, and the
     * table inputs that read it (itself, or a derived input).
     */
    public record Fact(String name, String type, List<String> allowedValues, String label, String description,
            boolean fromApplication, List<String> readBy) {
    }

    /** A table input the evaluator computes from facts. */
    public record DerivedInput(String name, String label, List<String> from) {
    }

    /** The clinical facts, those to establish from the records. */
    public List<Fact> clinicalFacts() {
        return facts.stream().filter(fact -> !fact.fromApplication()).toList();
    }

    public List<String> names() {
        return facts.stream().map(Fact::name).toList();
    }

    static CategoryFacts of(String category, String decisionKey, String mtusEdition, List<TableColumn> columns,
            Set<String> editionOutputs) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        List<DerivedInput> derived = new ArrayList<>();
        for (TableColumn column : columns) {
            String variable = column.variable();
            if (editionOutputs.contains(variable) || "mtusEdition".equals(variable)) {
                continue;
            }
            List<String> sources = DERIVED.get(variable);
            if (sources != null) {
                derived.add(new DerivedInput(variable, column.label(), sources));
                sources.forEach(source -> facts.compute(source, (name, fact) -> fact == null
                        ? fromCatalog(name, variable) : readAlsoBy(fact, variable)));
                continue;
            }
            Fact known = facts.get(variable);
            ItemField field = DisputedItemFields.byName(variable);
            List<String> allowed = !column.allowedValues().isEmpty() ? column.allowedValues()
                    : field != null ? field.codes() : List.of();
            List<String> readBy = new ArrayList<>(known == null ? List.of() : known.readBy());
            readBy.add(0, variable);
            facts.put(variable, new Fact(variable, column.typeRef(), allowed, column.label(), column.description(),
                    APPLICATION_FIELDS.contains(variable), List.copyOf(readBy)));
        }
        return new CategoryFacts(category, decisionKey, mtusEdition, List.copyOf(facts.values()), List.copyOf(derived));
    }

    /**
     * The item with the facts this table reads that the item catalog does not know (a column an
     * analyst added), read from the input by the column's type.
     */
    public DisputedItem withTableOnlyFacts(InputReader in, DisputedItem item) {
        Map<String, Object> values = new LinkedHashMap<>(item.facts());
        for (Fact fact : facts) {
            if (DisputedItemFields.byName(fact.name()) != null) {
                continue;
            }
            Object value = switch (fact.type() == null ? "string" : fact.type()) {
                case "boolean" -> in.bool(fact.name(), false);
                case "integer", "long" -> in.integer(fact.name(), false, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case "double" -> {
                    BigDecimal number = in.decimal(fact.name(), false, BigDecimal.valueOf(-Double.MAX_VALUE),
                            BigDecimal.valueOf(Double.MAX_VALUE));
                    yield number == null ? null : number.doubleValue();
                }
                case "date" -> in.date(fact.name(), false);
                default -> fact.allowedValues().isEmpty() ? in.text(fact.name(), false, TEXT_LIMIT)
                        : in.oneOf(fact.name(), false, fact.allowedValues());
            };
            if (value != null) {
                values.put(fact.name(), value);
            }
        }
        return new DisputedItem(values);
    }

    private static Fact fromCatalog(String name, String readBy) {
        ItemField field = DisputedItemFields.byName(name);
        String type = field == null ? "string" : switch (field.kind()) {
            case TEXT, CODE -> "string";
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
            case DECIMAL -> "double";
            case DATE -> "date";
        };
        return new Fact(name, type, field == null ? List.of() : field.codes(), ItemFacts.labelOf(name), null,
                APPLICATION_FIELDS.contains(name), List.of(readBy));
    }

    private static Fact readAlsoBy(Fact fact, String variable) {
        List<String> readBy = new ArrayList<>(fact.readBy());
        readBy.add(variable);
        return new Fact(fact.name(), fact.type(), fact.allowedValues(), fact.label(), fact.description(),
                fact.fromApplication(), List.copyOf(readBy));
    }
}
