package org.openimr.letter;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * "Send withdrawal notice": tells the parties that the review ended without a determination, because
 * the employee withdrew the application or the claims administrator authorized the disputed treatment
 * (8 CCR 9792.10.6(a)). Run again on a case whose notice went out already, it sends nothing more.
 */
@Component("sendWithdrawalNotice")
class SendWithdrawalNoticeDelegate implements JavaDelegate {

    private final LetterService letters;
    private final CaseRegistry registry;

    SendWithdrawalNoticeDelegate(LetterService letters, CaseRegistry registry) {
        this.letters = letters;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        if (letters.issued(record, LetterKind.WITHDRAWAL_NOTICE).isPresent()) {
            return;
        }
        boolean authorized = "TREATMENT_AUTHORIZED".equals(execution.getVariable("withdrawalReason"));
        letters.compose(record, LetterKind.WITHDRAWAL_NOTICE, Map.of(
                "heading", authorized ? "NOTICE: INDEPENDENT MEDICAL REVIEW TERMINATED" : "NOTICE: APPLICATION WITHDRAWN",
                "why", authorized
                        ? "The claims administrator has told us that the disputed treatment listed below has been "
                                + "authorized. This ends the independent medical review (8 CCR 9792.10.6(a))."
                        : "The application for independent medical review of the treatment listed below has been "
                                + "withdrawn by the employee or the employee's representative. The review has ended."),
                "system");
        letters.issue(record, LetterKind.WITHDRAWAL_NOTICE);
    }
}
