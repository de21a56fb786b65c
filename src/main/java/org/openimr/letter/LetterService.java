package org.openimr.letter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.letter.LetterStore.Status;
import org.openimr.system.CaseClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Composes a case's letters from the case data, renders and stores each version, and issues a
 * letter to its recipients. The final determination letter follows the layout of the real letter
 * in shared/seed/ (structure: shared/domain/imr-process.md §7).
 */
@Service
public class LetterService {

    /** A recipient of an issued letter and when it was issued to them. */
    public record IssuedCopy(String role, String name, String delivery, Instant issuedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(LetterService.class);

    private final CaseRegistry registry;
    private final LetterContents contents;
    private final LetterStore store;
    private final LetterRenderer renderer;

    LetterService(CaseRegistry registry, LetterContents contents, LetterStore store, LetterRenderer renderer) {
        this.registry = registry;
        this.contents = contents;
        this.store = store;
        this.renderer = renderer;
    }

    /**
     * Composes a new version of a letter. {@code details} carries what the case process knows
     * beyond the registry: the clinical case summary and pages reviewed, ineligibility reasons,
     * the records due date.
     */
    public StoredLetter compose(String caseNumber, LetterKind kind, Map<String, Object> details, String createdBy) {
        CaseRecord record = caseRecord(caseNumber);
        LetterRenderer.Rendered rendered = renderer.render(kind, contents.model(record, kind, details));
        StoredLetter letter = store.add(record.id(), kind, Status.DRAFT, rendered.pdf(), createdBy);
        log.info("Case {}: {} version {} composed", caseNumber, kind, letter.version());
        return letter;
    }

    /** Issues the latest version of a letter to every recipient; issuing twice adds nothing. */
    public StoredLetter issue(String caseNumber, LetterKind kind) {
        CaseRecord record = caseRecord(caseNumber);
        StoredLetter letter = store.latest(record.id(), kind)
                .orElseThrow(() -> new IllegalStateException("Case " + caseNumber + " has no " + kind + " to issue"));
        store.addRecipients(letter.id(), contents.recipients(record, kind), CaseClock.now());
        store.review(letter.id(), Status.ISSUED, letter.reviewNote());
        log.info("Case {}: {} version {} issued", caseNumber, kind, letter.version());
        return new StoredLetter(letter.id(), letter.caseId(), letter.kind(), letter.version(), Status.ISSUED.name(),
                letter.createdAt(), letter.createdBy(), letter.reviewNote());
    }

    public void approve(String caseNumber, LetterKind kind, String note) {
        review(caseNumber, kind, Status.APPROVED, note);
    }

    public void returnForCorrection(String caseNumber, LetterKind kind, String note) {
        review(caseNumber, kind, Status.RETURNED, note);
    }

    /**
     * The case's issued version of a letter, if there is one. A step that sends a notice checks it
     * first: run again (after a failure, or restarted by an operator) it must not send a second one.
     */
    public Optional<StoredLetter> issued(long caseId, LetterKind kind) {
        return store.latest(caseId, kind).filter(letter -> Status.ISSUED.name().equals(letter.status()));
    }

    public Optional<StoredLetter> latest(long caseId, LetterKind kind) {
        return store.latest(caseId, kind);
    }

    public Optional<StoredLetter> version(long caseId, LetterKind kind, int version) {
        return store.version(caseId, kind, version);
    }

    public List<StoredLetter> letters(long caseId) {
        return store.all(caseId);
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

    /** The recipients a letter was issued to, in the order of its distribution list. */
    public List<IssuedCopy> issuedTo(StoredLetter letter) {
        return store.recipients(letter.id());
    }

    public List<String> recipientsIssued(StoredLetter letter) {
        return issuedTo(letter).stream().map(r -> r.role() + ": " + r.name()).toList();
    }

    private void review(String caseNumber, LetterKind kind, Status status, String note) {
        CaseRecord record = caseRecord(caseNumber);
        StoredLetter letter = store.latest(record.id(), kind).orElseThrow();
        store.review(letter.id(), status, note);
    }

    private CaseRecord caseRecord(String caseNumber) {
        return registry.caseOf(caseNumber);
    }
}
