package org.openimr.letter;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * "Send per-item ineligibility notice": tells the parties which treatment items screening left out
 * of the review and why ({@code screenedOutItems}, one line each), and which items the review goes on
 * with. Run again on a case whose notice went out already, it sends nothing more.
 */
@Component("sendItemIneligibilityNotice")
class SendItemIneligibilityNoticeDelegate implements JavaDelegate {

    private final LetterService letters;
    private final CaseRegistry registry;

    SendItemIneligibilityNoticeDelegate(LetterService letters, CaseRegistry registry) {
        this.letters = letters;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        if (letters.issued(record, LetterKind.ITEM_INELIGIBILITY_NOTICE).isEmpty()) {
            String screenedOut = (String) execution.getVariable("screenedOutItems");
            letters.compose(record, LetterKind.ITEM_INELIGIBILITY_NOTICE,
                    Map.of("screenedOut", screenedOut.lines().toList()), "system");
            letters.issue(record, LetterKind.ITEM_INELIGIBILITY_NOTICE);
        }
    }
}
