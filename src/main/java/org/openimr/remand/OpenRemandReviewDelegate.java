package org.openimr.remand;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseVariables;
import org.openimr.cases.Channel;
import org.openimr.cases.FormularyScope;
import org.openimr.cases.ImrApplication;
import org.openimr.cases.ReviewItems;
import org.openimr.cases.Reviews;
import org.openimr.cases.Reviews.Remand;
import org.springframework.stereotype.Component;

/**
 * "Open remand review": the case reopens for the review the order calls for, under this process
 * instance, with the variables a review reads: the items the order concerns (and only those), and
 * the case's priority as it stands now (a case converted to expedited stays expedited).
 */
@Component("openRemandReview")
class OpenRemandReviewDelegate implements JavaDelegate {

    /** The review the remand opens; set by {@link Remands} when it starts the instance. */
    static final String REVIEW_NO = "reviewNo";

    private final CaseRegistry registry;
    private final Reviews reviews;

    OpenRemandReviewDelegate(CaseRegistry registry, Reviews reviews) {
        this.registry = registry;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        int reviewNo = ((Number) execution.getVariable(REVIEW_NO)).intValue();
        Remand remand = reviews.remand(record.id(), reviewNo).orElseThrow(() -> new IllegalStateException(
                "Case " + record.caseNumber() + " has no remand for review " + reviewNo));
        if (!registry.reopenForRemand(record.id(), reviewNo, remand.items())) {
            throw new IllegalStateException("Case " + record.caseNumber() + " cannot open review " + reviewNo
                    + ": it is " + record.status() + " in review " + registry.reviewNo(record.id()));
        }
        registry.linkProcessInstance(record.id(), execution.getProcessInstanceId());
        ImrApplication application = ApplicationParser.stored(record);
        Map<String, Object> variables = CaseVariables.of(application, record.caseNumber(),
                Channel.valueOf(record.channel()));
        variables.put(CaseVariables.EXPEDITED, record.expedited());
        variables.put(CaseVariables.ITEM_COUNT, remand.items().size());
        variables.put(CaseVariables.REQUESTED_ITEMS,
                CaseVariables.requestedItems(application.disputedItems(), remand.items()));
        variables.put(CaseVariables.FORMULARY_DISPUTE, remand.items().stream()
                .allMatch(n -> FormularyScope.formularyDispute(application.disputedItems().get(n - 1))));
        variables.put(ReviewItems.VARIABLE, ReviewItems.text(remand.items()));
        execution.setVariables(variables);
    }

}
