package org.openimr.letter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseClosing;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseStatus;
import org.openimr.decision.CaseOutcome;
import org.springframework.stereotype.Component;

/**
 * "Issue letter to parties": sends the approved final determination to every recipient and
 * closes the case with its outcome. Runs as its own job and is idempotent, so a retry after a
 * crash never issues the letter twice.
 */
@Component("issueLetter")
class IssueLetterDelegate implements JavaDelegate {

    private final LetterService letters;
    private final CaseRegistry registry;
    private final CaseClosing closing;

    IssueLetterDelegate(LetterService letters, CaseRegistry registry, CaseClosing closing) {
        this.letters = letters;
        this.registry = registry;
        this.closing = closing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        letters.issue(record, LetterKind.FINAL_DETERMINATION);
        String outcome = CaseOutcome.of(registry.items(record.id())).name();
        closing.close(record, CaseStatus.DETERMINATION_ISSUED, outcome, null);
        execution.setVariable("outcome", outcome);
        execution.setVariable("stage", "ISSUED");
        registry.updateStage(record.caseNumber(), "ISSUED");
    }
}
