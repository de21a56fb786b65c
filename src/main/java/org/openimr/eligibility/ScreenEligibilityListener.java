package org.openimr.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Ends "Screen eligibility": turns the findings of bpmn/eligibility.dmn (one row per rule the
 * application fails, hit policy COLLECT) into the flat variables the process routes on and the
 * reasons the ineligibility notice gives.
 */
@Component("screenEligibility")
class ScreenEligibilityListener implements ExecutionListener {

    static final String FINDINGS = "eligibilityFindings";

    @Override
    public void notify(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) execution.getVariable(FINDINGS);
        List<String> codes = new ArrayList<>();
        StringBuilder reasons = new StringBuilder();
        for (Map<String, Object> finding : findings == null ? List.<Map<String, Object>>of() : findings) {
            codes.add((String) finding.get("reasonCode"));
            reasons.append(finding.get("reasonText")).append('\n');
        }
        execution.removeVariable(FINDINGS);
        execution.setVariable("eligible", codes.isEmpty());
        execution.setVariable("ineligibilityReasonCodes", String.join(",", codes));
        execution.setVariable("ineligibilityReasons", reasons.toString().strip());
    }
}
