package org.openimr.letter;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openimr.cases.CaseRecord;
import org.openimr.letter.LetterStore.Status;
import org.openimr.system.CaseClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Composes a case's letters from the case data, renders and stores each version, and issues a
 * letter to its recipients. The final determination letter follows the layout of the real letter
 * in shared/seed/ (structure: shared/domain/imr-process.md §7). Every method takes the case its
 * caller holds.
 */
@Service
public class LetterService {

    /** A recipient of an issued letter and when it was issued to them. */
    public record IssuedCopy(String role, String name, String delivery, Instant issuedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(LetterService.class);

    private final LetterContents contents;
    private final LetterStore store;
    private final LetterRenderer renderer;

    LetterService(LetterContents contents, LetterStore store, LetterRenderer renderer) {
        this.contents = contents;
        this.store = store;
        this.renderer = renderer;
    }

    /**
     * Composes a new version of a letter. {@code details} carries what the case process knows
     * beyond the registry: the clinical case summary and pages reviewed, ineligibility reasons,
     * the records due date.
     */
    public StoredLetter compose(CaseRecord record, LetterKind kind, Map<String, Object> details, String createdBy) {
        LetterRenderer.Rendered rendered = renderer.render(kind, contents.model(record, kind, details));
        StoredLetter letter = store.add(record.id(), kind, Status.DRAFT, rendered.pdf(), createdBy);
        log.info("Case {}: {} version {} composed", record.caseNumber(), kind, letter.version());
        return letter;
    }

    /** Issues the latest version of a letter to every recipient; issuing twice adds nothing. */
    public StoredLetter issue(CaseRecord record, LetterKind kind) {
        return issueTo(record, kind, contents.recipients(record, kind));
    }

    /** Issues the latest version of a letter addressed to some parties only (their roles, e.g. REQUESTING_PHYSICIAN). */
    public StoredLetter issue(CaseRecord record, LetterKind kind, Collection<String> roles) {
        return issueTo(record, kind, contents.recipients(record, kind, roles));
    }

    /**
     * Issues the latest version of a letter to the parties of this case and of another (a consolidation
     * joins two applications): each party once, however many of the applications name it.
     */
    public StoredLetter issueWithPartiesOf(CaseRecord record, LetterKind kind, CaseRecord other) {
        return issueTo(record, kind, contents.recipients(record, kind, other));
    }

    private StoredLetter issueTo(CaseRecord record, LetterKind kind, List<LetterStore.Recipient> recipients) {
        StoredLetter letter = store.latest(record.id(), kind).orElseThrow(
                () -> new IllegalStateException("Case " + record.caseNumber() + " has no " + kind + " to issue"));
        store.addRecipients(letter.id(), recipients, CaseClock.now());
        store.review(letter.id(), Status.ISSUED, letter.reviewNote());
        log.info("Case {}: {} version {} issued", record.caseNumber(), kind, letter.version());
        return new StoredLetter(letter.id(), letter.caseId(), letter.kind(), letter.version(), Status.ISSUED.name(),
                letter.createdAt(), letter.createdBy(), letter.reviewNote());
    }

    /**
     * Marks the case's earlier issued final determination letters superseded by this one: issued after a
     * remand, it replaces the determination the order set aside, which stays on file.
     */
    public void supersedeEarlier(CaseRecord record, StoredLetter letter) {
        store.supersede(record.id(), LetterKind.valueOf(letter.kind()), letter.version());
    }

    /** The version that superseded this letter, if one did. */
    public Optional<Integer> supersededBy(StoredLetter letter) {
        return store.supersededBy(letter.id());
    }

    /**
     * Renders a document that belongs to no single case's letters (an invoice, a statement) from its
     * template in the letter templates' folder, with the organization's letterhead ({@code org}).
     */
    public byte[] render(String template, Map<String, Object> model) {
        Map<String, Object> withOrganization = new HashMap<>(model);
        withOrganization.put("org", contents.organization());
        return renderer.render(template, withOrganization).pdf();
    }

    public void approve(CaseRecord record, LetterKind kind, String note) {
        review(record, kind, Status.APPROVED, note);
    }

    public void returnForCorrection(CaseRecord record, LetterKind kind, String note) {
        review(record, kind, Status.RETURNED, note);
    }

    /**
     * The case's issued version of a letter, if there is one. A step that sends a notice checks it
     * first: run again (after a failure, or restarted by an operator) it must not send a second one.
     */
    public Optional<StoredLetter> issued(CaseRecord record, LetterKind kind) {
        return store.latest(record.id(), kind).filter(letter -> Status.ISSUED.name().equals(letter.status()));
    }

    public Optional<StoredLetter> latest(CaseRecord record, LetterKind kind) {
        return store.latest(record.id(), kind);
    }

    public Optional<StoredLetter> version(CaseRecord record, LetterKind kind, int version) {
        return store.version(record.id(), kind, version);
    }

    public List<StoredLetter> letters(CaseRecord record) {
        return store.all(record.id());
    }

    public byte[] pdf(StoredLetter letter) {
        return store.pdf(letter.id());
    }

    /** The letter's text, extracted from its PDF the first time it is asked for and kept from then on. */
    public String text(StoredLetter letter) {
        return store.text(letter.id()).orElseGet(() -> {
            String text = LetterRenderer.text(store.pdf(letter.id()));
            store.keepText(letter.id(), text);
            return text;
        });
    }

    /**
     * What changed in the wording from the version before this one, for the QA reviewer; null for
     * a first version.
     */
    public String changesSincePrevious(CaseRecord record, StoredLetter letter) {
        return store.version(record.id(), LetterKind.valueOf(letter.kind()), letter.version() - 1)
                .map(previous -> LetterChanges.between(text(previous), text(letter))).orElse(null);
    }

    /** The recipients a letter was issued to, in the order of its distribution list. */
    public List<IssuedCopy> issuedTo(StoredLetter letter) {
        return store.recipients(letter.id());
    }

    public List<String> recipientsIssued(StoredLetter letter) {
        return issuedTo(letter).stream().map(r -> r.role() + ": " + r.name()).toList();
    }

    private void review(CaseRecord record, LetterKind kind, Status status, String note) {
        StoredLetter letter = store.latest(record.id(), kind).orElseThrow();
        store.review(letter.id(), status, note);
    }
}
