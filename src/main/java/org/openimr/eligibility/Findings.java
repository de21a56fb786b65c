package org.openimr.eligibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        scope.setVariables(variables(codes, reasons));
    }

    /** The findings but the one with this code. */
    static void remove(VariableScope scope, String code) {
        List<String> codes = new ArrayList<>(codes((String) scope.getVariable(CODES)));
        List<String> reasons = reasons((String) scope.getVariable(REASONS));
        int at = codes.indexOf(code);
        if (at >= 0) {
            codes.remove(at);
            reasons.remove(at);
        }
        set(scope, codes, reasons);
    }

    /** Sets the finding of this code, in place of any it had, keeping the others. */
    static void put(VariableScope scope, String code, String reason) {
        scope.setVariables(with(scope.getVariable(CODES), scope.getVariable(REASONS), code, reason));
    }

    /**
     * The variables of the findings {@code codes} and {@code reasons} (as a case's process holds them)
     * with the finding of this code in place of any it had: for a case whose process another case's
     * step updates.
     */
    static Map<String, Object> with(Object codeText, Object reasonText, String code, String reason) {
        List<String> codes = new ArrayList<>(codes((String) codeText));
        List<String> reasons = reasons((String) reasonText);
        int at = codes.indexOf(code);
        if (at >= 0) {
            reasons.set(at, reason);
        } else {
            codes.add(code);
            reasons.add(reason);
        }
        return variables(codes, reasons);
    }

    private static List<String> reasons(String reasonText) {
        return new ArrayList<>(reasonText == null || reasonText.isEmpty() ? List.of()
                : Arrays.asList(reasonText.split("\\R")));
    }

    private static Map<String, Object> variables(List<String> codes, List<String> reasons) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) {
            shown.append("- **").append(codes.get(i)).append("** ").append(reasons.get(i)).append('\n');
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("eligible", false);
        variables.put(CODES, String.join(",", codes));
        variables.put(REASONS, String.join("\n", reasons));
        variables.put(SHOWN, shown.toString().strip());
        return variables;
    }
}
