package org.openimr.letter;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseClosing;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Send ineligibility notice": tells the parties why the application is not eligible, and closes the
 * case. Run again on a case whose notice went out already, it sends nothing more.
 */
@Component("sendIneligibilityNotice")
class SendIneligibilityNoticeDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendIneligibilityNoticeDelegate.class);

    private final LetterService letters;
    private final CaseRegistry registry;
    private final CaseClosing closing;

    SendIneligibilityNoticeDelegate(LetterService letters, CaseRegistry registry, CaseClosing closing) {
        this.letters = letters;
        this.registry = registry;
        this.closing = closing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        if (letters.issued(record, LetterKind.INELIGIBILITY_NOTICE).isEmpty()) {
            String reasons = (String) execution.getVariable("ineligibilityReasons");
            letters.compose(record, LetterKind.INELIGIBILITY_NOTICE,
                    Map.of("reasons", List.of(reasons.split("\\R"))), "system");
            letters.issue(record, LetterKind.INELIGIBILITY_NOTICE);
        }
        String codes = (String) execution.getVariable("ineligibilityReasonCodes");
        closing.close(record, CaseStatus.INELIGIBLE, null, codes);
        log.info("Case {} ineligible: {}", record.caseNumber(), codes);
    }
}
