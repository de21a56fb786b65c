package org.openimr.decision;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.ReviewItems;
import org.springframework.stereotype.Component;

/**
 * "Apply guideline rules" (a business rule task, one per disputed item, and again each time the
 * reviewer corrects its facts): evaluates the item's guideline table on the facts as established
 * and hands the recommendation and the facts with their sources to the "Decide disputed item" form
 * ({@link DecideItemFormVariables}).
 */
@Component("applyGuidelineRules")
class ApplyGuidelineRulesDelegate implements JavaDelegate {

    private final CaseRegistry registry;
    private final DecideItemFormVariables formVariables;

    ApplyGuidelineRulesDelegate(CaseRegistry registry, DecideItemFormVariables formVariables) {
        this.registry = registry;
        this.formVariables = formVariables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        int itemNo = ReviewItems.itemNo(execution, ((Number) execution.getVariable("loopCounter")).intValue());
        execution.setVariablesLocal(formVariables.of(record, itemNo, (Date) execution.getVariable("dateOfInjury")));
    }
}
