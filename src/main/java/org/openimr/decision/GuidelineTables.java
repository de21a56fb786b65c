package org.openimr.decision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the guideline decision tables come from: the engine's latest deployed tables (cases,
 * with history), or a set parsed into a standalone DMN engine (test cases, benchmark, impact
 * analysis of changed tables). {@link GuidelineEvaluator} works the same on either.
 */
interface GuidelineTables {

    /** The table with this key as it stands now (for the engine, its latest deployed version), if there is one. */
    Optional<Table> table(String decisionKey);

    interface Table {

        /** The matched rules' outputs, one map per rule, in rule order. */
        List<Map<String, Object>> evaluate(Map<String, Object> variables);

        /** The table's input columns, as modelled. */
        List<TableColumn> columns();
    }

    /** A table of decision outputs and the columns it reads. */
    static Table table(Function<Map<String, Object>, List<Map<String, Object>>> evaluation,
            Supplier<List<TableColumn>> columns) {
        return new Table() {
            @Override
            public List<Map<String, Object>> evaluate(Map<String, Object> variables) {
                return evaluation.apply(variables);
            }

            @Override
            public List<TableColumn> columns() {
                return columns.get();
            }
        };
    }
}
