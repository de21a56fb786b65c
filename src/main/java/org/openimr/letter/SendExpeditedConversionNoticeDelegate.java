package org.openimr.letter;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Component;

/**
 * "Send expedited conversion notice": tells the parties at once that the review is now expedited
 * (D5, 8 CCR 9792.10.4(c)) and what changes for the deadline running. A case converts once; run
 * again, the step sends nothing more.
 */
@Component("sendExpeditedConversionNotice")
class SendExpeditedConversionNoticeDelegate implements JavaDelegate {

    private final LetterService letters;
    private final CaseRegistry registry;

    SendExpeditedConversionNoticeDelegate(LetterService letters, CaseRegistry registry) {
        this.letters = letters;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        if (letters.issued(record, LetterKind.EXPEDITED_CONVERSION_NOTICE).isPresent()) {
            return;
        }
        LocalDate certified = CaseClock.dateOf(((Date) execution.getVariable("physicianCertificationDate")).toInstant());
        letters.compose(record, LetterKind.EXPEDITED_CONVERSION_NOTICE,
                Map.of("certificationDate", certified, "whatChanges", whatChanges(execution)), "system");
        letters.issue(record, LetterKind.EXPEDITED_CONVERSION_NOTICE);
    }

    private static String whatChanges(DelegateExecution execution) {
        Object deadline = execution.getVariable("slaDeadline");
        if ("RECORDS".equals(deadline)) {
            return "The claims administrator must now send the medical records by " + execution.getVariable("recordsDueAtText")
                    + " (24 hours, 8 CCR 9792.10.5(a)(1)). The determination is due within 3 days of their receipt.";
        }
        if ("DETERMINATION".equals(deadline)) {
            return "The determination is now due by " + execution.getVariable("determinationDueAtText")
                    + " (expedited review, Labor Code 4610.6(d)).";
        }
        return "Once the application is found eligible, the claims administrator must send the medical records "
                + "within 24 hours of the notice of assignment, and the determination is due within 3 days of their "
                + "receipt.";
    }
}
