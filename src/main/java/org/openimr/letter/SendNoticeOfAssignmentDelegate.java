package org.openimr.letter;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.records.Documents;
import org.openimr.sla.Deadlines;
import org.openimr.system.CaseClock;
import org.openimr.system.FormDates;
import org.springframework.stereotype.Component;

/**
 * "Send notice of assignment": tells the parties the case is assigned and asks the claims
 * administrator for the medical records, due in 15 days (mailed notice), 12 (electronic) or 24
 * hours (expedited). Run again on a case whose notice went out already, it sends nothing more and
 * keeps the records deadline it set the first time.
 */
@Component("sendNoticeOfAssignment")
class SendNoticeOfAssignmentDelegate implements JavaDelegate {

    private static final String INITIAL_REQUEST = "INITIAL";

    private final LetterService letters;
    private final CaseRegistry registry;
    private final Documents documents;
    private final Deadlines deadlines;

    SendNoticeOfAssignmentDelegate(LetterService letters, CaseRegistry registry, Documents documents,
            Deadlines deadlines) {
        this.letters = letters;
        this.registry = registry;
        this.documents = documents;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        Optional<StoredLetter> sent = letters.issued(record, LetterKind.NOTICE_OF_ASSIGNMENT);
        Optional<Documents.RecordsRequest> requested = documents.requests(record.id()).stream()
                .filter(request -> INITIAL_REQUEST.equals(request.kind())).findFirst();
        if (sent.isPresent() && requested.isPresent()) {
            setDeadlines(execution, sent.get().createdAt(), requested.get().dueAt());
            return;
        }
        boolean expedited = Boolean.TRUE.equals(execution.getVariable("expedited"));
        boolean electronic = "ELECTRONIC".equals(execution.getVariable("noticeDelivery"));
        Instant sentAt = CaseClock.now();
        Instant recordsDue = deadlines.recordsDue(sentAt, electronic, expedited);
        letters.compose(record, LetterKind.NOTICE_OF_ASSIGNMENT,
                Map.of("recordsDue", recordsDue), "system");
        letters.issue(record, LetterKind.NOTICE_OF_ASSIGNMENT);
        documents.request(record.id(), INITIAL_REQUEST, recordsDue, "Medical records per 8 CCR 9792.10.5(a)(1)",
                "system");
        setDeadlines(execution, sentAt, recordsDue);
    }

    private static void setDeadlines(DelegateExecution execution, Instant sentAt, Instant recordsDue) {
        execution.setVariable("noticeOfAssignmentSentAt", CaseClock.toDate(sentAt));
        FormDates.set(execution, "recordsDueAt", recordsDue);
    }
}
