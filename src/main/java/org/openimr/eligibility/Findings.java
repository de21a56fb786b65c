package org.openimr.eligibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The eligibility findings a case carries: the rule codes ({@code ineligibilityReasonCodes}),
 * their reasons as the ineligibility notice gives them ({@code ineligibilityReasons}) and as the
 * screening form shows them ({@code screeningFindings}), one line each, in the same order.
 */
final class Findings {

    static final String CODES = "ineligibilityReasonCodes";
    static final String REASONS = "ineligibilityReasons";
    static final String SHOWN = "screeningFindings";
    static final String LIABILITY_DISPUTED = "E6";

    private Findings() {
    }

    static List<String> codes(String codes) {
        return codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(","));
    }

    /** Sets the findings; with none, the case is clean ({@code eligible}) and carries no reasons. */
    static void set(VariableScope scope, List<String> codes, List<String> reasons) {
        scope.setVariable("eligible", codes.isEmpty());
        if (codes.isEmpty()) {
            scope.removeVariables(List.of(CODES, REASONS, SHOWN));
            return;
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) {
            shown.append("- **").append(codes.get(i)).append("** ").append(reasons.get(i)).append('\n');
        }
        scope.setVariable(CODES, String.join(",", codes));
        scope.setVariable(REASONS, String.join("\n", reasons));
        scope.setVariable(SHOWN, shown.toString().strip());
    }

    /** The findings but the one with this code. */
    static void remove(VariableScope scope, String code) {
        List<String> codes = new ArrayList<>(codes((String) scope.getVariable(CODES)));
        String reasonText = (String) scope.getVariable(REASONS);
        List<String> reasons = new ArrayList<>(reasonText == null ? List.of() : Arrays.asList(reasonText.split("\\R")));
        int at = codes.indexOf(code);
        if (at >= 0) {
            codes.remove(at);
            reasons.remove(at);
        }
        set(scope, codes, reasons);
    }
}
