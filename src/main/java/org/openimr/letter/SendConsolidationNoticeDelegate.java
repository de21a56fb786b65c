package org.openimr.letter;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * "Send consolidation notice": tells every party of both applications, once each, that this
 * application was joined into the earlier case ({@code consolidateInto}) for a single determination
 * (8 CCR 9792.10.4(a)), which of its items became which items there ({@code consolidatedItems}), and
 * that the earlier case's deadlines hold. Kept with the joined application's letters. Run again on a
 * case whose notice went out already (a retried job), it sends nothing more.
 */
@Component("sendConsolidationNotice")
class SendConsolidationNoticeDelegate implements JavaDelegate {

    private final LetterService letters;
    private final CaseRegistry registry;

    SendConsolidationNoticeDelegate(LetterService letters, CaseRegistry registry) {
        this.letters = letters;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        if (letters.issued(record, LetterKind.CONSOLIDATION_NOTICE).isPresent()) {
            return;
        }
        CaseRecord into = registry.caseOf((String) execution.getVariable("consolidateInto"));
        String joined = (String) execution.getVariable("consolidatedItems");
        letters.compose(record, LetterKind.CONSOLIDATION_NOTICE, Map.of(
                "intoCaseNumber", into.caseNumber(),
                "intoReceived", into.applicationReceivedDate(),
                "joinedItems", joined.lines().toList(),
                LetterContents.ALSO_TO_PARTIES_OF, into), "system");
        letters.issueWithPartiesOf(record, LetterKind.CONSOLIDATION_NOTICE, into);
    }
}
