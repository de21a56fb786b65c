package org.openimr.letter;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * "Send deferral notice": tells the parties the review waits for the liability dispute to be
 * resolved (8 CCR 9792.10.3(d)). Run again on a case whose notice went out already, it sends
 * nothing more.
 */
@Component("sendDeferralNotice")
class SendDeferralNoticeDelegate implements JavaDelegate {

    private final LetterService letters;
    private final CaseRegistry registry;

    SendDeferralNoticeDelegate(LetterService letters, CaseRegistry registry) {
        this.letters = letters;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        if (letters.issued(record, LetterKind.DEFERRAL_NOTICE).isEmpty()) {
            letters.compose(record, LetterKind.DEFERRAL_NOTICE, Map.of(), "system");
            letters.issue(record, LetterKind.DEFERRAL_NOTICE);
        }
    }
}
