package org.openimr.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.openimr.cases.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends "Screen eligibility": turns the findings of bpmn/eligibility.dmn (one row per rule the
 * application fails, hit policy COLLECT) into the flat variables the process routes on, the
 * reasons the ineligibility notice gives and the list "Screen application" shows ({@link Findings}),
 * and adds finding C1 when an earlier case can take the application's items ({@link Consolidation}).
 * The findings are read from the task's transient decision result: the decision's history has
 * them, a process variable would only repeat them. A clean case gets no reasons.
 */
@Component("screenEligibility")
class ScreenEligibilityListener implements ExecutionListener {

    /** Where a business rule task leaves its decision's result for the rest of the transaction. */
    static final String DECISION_RESULT = "decisionResult";

    private final CaseRegistry registry;
    private final Consolidation consolidation;

    ScreenEligibilityListener(CaseRegistry registry, Consolidation consolidation) {
        this.registry = registry;
        this.consolidation = consolidation;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DmnDecisionResult findings = (DmnDecisionResult) execution.getVariableLocal(DECISION_RESULT);
        List<String> codes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Map<String, Object> finding : findings.getResultList()) {
            codes.add((String) finding.get("reasonCode"));
            reasons.add((String) finding.get("reasonText"));
        }
        consolidation.offer(registry.caseOf(execution), execution).ifPresent(reason -> {
            codes.add(Consolidation.FINDING);
            reasons.add(reason);
        });
        Findings.set(execution, codes, reasons);
    }
}
