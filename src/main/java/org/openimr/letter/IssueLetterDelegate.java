package org.openimr.letter;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openimr.cases.CaseClosing;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.CaseStatus;
import org.openimr.cases.Reviews;
import org.openimr.cases.Reviews.DeterminedItem;
import org.openimr.cases.Reviews.Remand;
import org.openimr.decision.CaseOutcome;
import org.openimr.reviewer.CaseReviewers;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Component;

/**
 * "Issue letter to parties": sends the approved final determination to every recipient, records the
 * determination in the case's ledger ({@link Reviews}) and closes the case with its outcome. A letter
 * issued after a remand supersedes the one the order set aside. Runs as its own job and is
 * idempotent, so a retry after a crash never issues the letter twice.
 */
@Component("issueLetter")
class IssueLetterDelegate implements JavaDelegate {

    private final LetterService letters;
    private final LetterContents contents;
    private final CaseRegistry registry;
    private final Reviews reviews;
    private final CaseReviewers reviewers;
    private final CaseClosing closing;

    IssueLetterDelegate(LetterService letters, LetterContents contents, CaseRegistry registry, Reviews reviews,
            CaseReviewers reviewers, CaseClosing closing) {
        this.letters = letters;
        this.contents = contents;
        this.registry = registry;
        this.reviews = reviews;
        this.reviewers = reviewers;
        this.closing = closing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = registry.caseOf(execution);
        StoredLetter letter = letters.issue(record, LetterKind.FINAL_DETERMINATION);
        letters.supersedeEarlier(record, letter);
        recordDetermination(execution, record, letter);
        List<Integer> screenedOut = registry.screenedOutItems(record.id());
        String outcome = CaseOutcome.of(registry.items(record.id()).stream()
                .filter(item -> !screenedOut.contains(item.itemNo())).toList()).name();
        closing.close(record, CaseStatus.DETERMINATION_ISSUED, outcome, null);
        execution.setVariable("outcome", outcome);
        execution.setVariable("stage", "ISSUED");
        registry.updateStage(record.caseNumber(), "ISSUED");
    }

    /**
     * The determination as the ledger keeps it: the items this review decided, and the dates the
     * Division measures: assigned (the notice of assignment, or the receipt of the remand order),
     * records complete, due and issued.
     */
    private void recordDetermination(DelegateExecution execution, CaseRecord record, StoredLetter letter) {
        Optional<Remand> remand = contents.remand(record);
        List<StoredItem> decided = contents.itemsUnderReview(record, remand);
        Instant now = CaseClock.now();
        Instant due = instant(execution.getVariable("determinationDueAt"));
        Instant assigned = remand.map(order -> CaseClock.startOf(order.orderReceivedDate()))
                .orElseGet(() -> instant(execution.getVariable("noticeOfAssignmentSentAt")));
        reviews.recordDetermination(new Reviews.Determination(0, record.id(), record.caseNumber(),
                registry.reviewNo(record.id()), letter.version(), now, CaseOutcome.of(decided).name(),
                record.expedited(), assigned, instant(execution.getVariable("recordsCompleteAt")), due,
                due != null && now.isAfter(due),
                reviewers.qualifications(record.id()).map(CaseReviewers.Qualifications::specialty).orElse(null),
                (String) execution.getVariable("clinicalSummary"),
                decided.stream().map(item -> new DeterminedItem(item.itemNo(), item.requestedTreatment(),
                        item.treatmentCategory(), item.decision(), item.decisionCitation(), item.decisionRationale()))
                        .toList()));
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
