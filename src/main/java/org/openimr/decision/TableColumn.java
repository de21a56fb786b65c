package org.openimr.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;

/**
 * One input column of a decision table as the analyst modelled it: the variable its expression
 * reads, its type, its label, its description and its predefined values (Modeler's "predefined
 * values" of a string column).
 */
record TableColumn(String variable, String typeRef, String label, String description, List<String> allowedValues) {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The input columns of the decision with this key in the model; none when it has no decision table. */
    static List<TableColumn> of(DmnModelInstance model, String decisionKey) {
        if (!(model.getModelElementById(decisionKey) instanceof Decision decision)
                || !(decision.getExpression() instanceof DecisionTable table)) {
            return List.of();
        }
        List<TableColumn> columns = new ArrayList<>();
        for (Input input : table.getInputs()) {
            if (input.getInputExpression() == null || input.getInputExpression().getText() == null) {
                continue;
            }
            String variable = input.getInputExpression().getText().getTextContent().strip();
            String description = input.getDescription() == null ? null : input.getDescription().getTextContent().strip();
            List<String> allowed = new ArrayList<>();
            if (input.getInputValues() != null && input.getInputValues().getText() != null) {
                Matcher value = QUOTED.matcher(input.getInputValues().getText().getTextContent());
                while (value.find()) {
                    allowed.add(value.group(1));
                }
            }
            columns.add(new TableColumn(variable, input.getInputExpression().getTypeRef(), input.getLabel(),
                    description, List.copyOf(allowed)));
        }
        return columns;
    }
}
