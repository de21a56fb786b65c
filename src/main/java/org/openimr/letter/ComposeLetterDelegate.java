package org.openimr.letter;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * "Compose final determination letter": renders a new version from the case and the reviewer's
 * summary and decisions, for letter QA. The QA form links to it by the case number and the
 * version and, for a corrected version, says what changed since the returned one.
 */
@Component("composeLetter")
class ComposeLetterDelegate implements JavaDelegate {

    private final LetterService letters;
    private final CaseRegistry registry;

    ComposeLetterDelegate(LetterService letters, CaseRegistry registry) {
        this.letters = letters;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> details = new HashMap<>();
        details.put("clinicalSummary", execution.getVariable("clinicalSummary"));
        details.put("pagesReviewed", execution.getVariable("pagesReviewed"));
        CaseRecord record = registry.caseOf(execution);
        StoredLetter letter = letters.compose(record, LetterKind.FINAL_DETERMINATION, details, author(execution));
        execution.setVariable("letterVersion", letter.version());
        if (letter.version() > 1) {
            execution.setVariable("letterChanges", letters.changesSincePrevious(record, letter));
        }
    }

    /**
     * Who a version is recorded as created by: the person whose completed task produced it (the
     * reviewer deciding the last item or correcting the letter), or "system" when the engine
     * runs without a logged-in user.
     */
    private static String author(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user == null || user.getUserId() == null ? "system" : user.getUserId();
    }
}
