package org.openimr.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.DisputedItem;
import org.openimr.cases.ImrApplication;
import org.openimr.cases.Reviews;
import org.openimr.cases.Reviews.Determination;
import org.openimr.cases.Reviews.DeterminedItem;
import org.openimr.publication.CaseIdentifiers.Identifier;
import org.openimr.publication.Releases.Release;
import org.openimr.publication.Releases.ReleasedItem;
import org.openimr.publication.Releases.ReleasedText;
import org.openimr.reviewer.CaseReviewers;
import org.openimr.system.CaseClock;
import org.openimr.system.FieldProblem;
import org.openimr.system.InvalidInputException;
import org.openimr.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The final determinations of a period as the Division publishes them: the case number, each
 * treatment with its category, the body region and diagnosis group (the diagnosis in general terms),
 * the decision with its guideline and rationale, the reviewer's specialty, and the clinical summary,
 * every free text scrubbed of the case's identifiers ({@link Redactor}). A determination whose text
 * still holds one is withheld and listed for a person to redact, who releases the text by hand
 * ({@link #release}); the export then publishes the released text, checked again.
 */
@Service
class Publications {

    record PublishedItem(int itemNo, String treatment, String category, String bodyRegion, String diagnosisGroup,
            String decision, String guideline, String rationale) {
    }

    record Published(String caseNumber, int reviewNo, LocalDate issuedOn, String outcome, String reviewerSpecialty,
            String clinicalSummary, List<PublishedItem> items) {
    }

    /**
     * A determination kept back, and where and what it still identifies (kinds, never the text);
     * {@code redact} is where a person opens it to redact and release it.
     */
    record Withheld(String caseNumber, int reviewNo, LocalDate issuedOn, List<String> reasons, String redact) {
    }

    /** A published determination whose text a person redacted and released. */
    record ReleasedByHand(String caseNumber, int reviewNo, String releasedBy, Instant releasedAt) {
    }

    record Export(LocalDate from, LocalDate to, List<Published> published, List<Withheld> withheld,
            List<ReleasedByHand> releasedByHand) {
    }

    /**
     * A determination as a person redacts it: the text the export would publish (the release, if
     * one was made, else the scrubbed text) and what of the case's identifiers it still holds.
     */
    record Draft(String caseNumber, int reviewNo, LocalDate issuedOn, List<String> reasons, String clinicalSummary,
            List<ReleasedItem> items, String releasedBy, Instant releasedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(Publications.class);

    private final Reviews reviews;
    private final CaseRegistry registry;
    private final CaseReviewers reviewers;
    private final Releases releases;

    Publications(Reviews reviews, CaseRegistry registry, CaseReviewers reviewers, Releases releases) {
        this.reviews = reviews;
        this.registry = registry;
        this.reviewers = reviewers;
        this.releases = releases;
    }

    /** The determinations issued from {@code from} to {@code to}, both days included (California dates). */
    Export export(LocalDate from, LocalDate to) {
        List<Published> published = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        List<ReleasedByHand> releasedByHand = new ArrayList<>();
        for (Determination determination : reviews.issuedBetween(CaseClock.startOf(from),
                CaseClock.startOf(to.plusDays(1)))) {
            CaseRecord record = registry.findById(determination.caseId()).orElseThrow();
            List<StoredItem> stored = registry.items(record.id());
            CaseIdentifiers ids = identifiers(record, stored);
            Optional<Release> release = releases.of(determination.caseId(), determination.reviewNo());
            Published candidate = release.map(r -> released(determination, r.text(), stored))
                    .orElseGet(() -> redacted(determination, ids, stored));
            // A release is checked again: the case may have gained an identifier since (a reviewer after a remand).
            List<String> reasons = leftIn(candidate, ids);
            if (reasons.isEmpty()) {
                published.add(candidate);
                release.ifPresent(r -> releasedByHand.add(new ReleasedByHand(determination.caseNumber(),
                        determination.reviewNo(), r.releasedBy(), r.releasedAt())));
            } else {
                withheld.add(new Withheld(determination.caseNumber(), determination.reviewNo(), candidate.issuedOn(),
                        reasons, "/api/publication/withheld/" + determination.caseNumber() + "/"
                        + determination.reviewNo()));
            }
        }
        return new Export(from, to, published, withheld, releasedByHand);
    }

    /** The determination's text for a person to redact: the release if one was made, else the scrubbed text. */
    Draft draft(String caseNumber, int reviewNo) {
        Determination determination = determination(caseNumber, reviewNo);
        List<StoredItem> stored = registry.items(determination.caseId());
        CaseIdentifiers ids = identifiers(registry.caseOf(caseNumber), stored);
        Optional<Release> release = releases.of(determination.caseId(), reviewNo);
        Published candidate = release.map(r -> released(determination, r.text(), stored))
                .orElseGet(() -> redacted(determination, ids, stored));
        return new Draft(caseNumber, reviewNo, candidate.issuedOn(), leftIn(candidate, ids),
                candidate.clinicalSummary(), candidate.items().stream().map(item -> new ReleasedItem(item.itemNo(),
                        item.treatment(), item.guideline(), item.rationale())).toList(),
                release.map(Release::releasedBy).orElse(null), release.map(Release::releasedAt).orElse(null));
    }

    /**
     * Releases the text a person redacted for publication, once the scrubber's check finds none of the
     * case's identifiers in it: a text that still holds one is refused, naming the field and what it
     * holds (by kind, never the text). The released text is what the export publishes from then on.
     */
    @Transactional
    Draft release(String caseNumber, int reviewNo, ReleasedText text, String releasedBy) {
        Determination determination = determination(caseNumber, reviewNo);
        List<StoredItem> stored = registry.items(determination.caseId());
        CaseIdentifiers ids = identifiers(registry.caseOf(caseNumber), stored);
        List<FieldProblem> problems = new ArrayList<>();
        List<Integer> decided = determination.items().stream().map(DeterminedItem::itemNo).toList();
        List<Integer> given = text.items().stream().map(ReleasedItem::itemNo).toList();
        if (!given.equals(decided)) {
            problems.add(new FieldProblem("items", "must give items " + decided + " in that order, as the determination"
                    + " decided them"));
        }
        Redactor.leftIn(text.clinicalSummary(), ids)
                .forEach(kind -> problems.add(new FieldProblem("clinicalSummary", "still holds " + kind)));
        for (int i = 0; i < text.items().size(); i++) {
            ReleasedItem item = text.items().get(i);
            String at = "items[" + i + "].";
            Redactor.leftIn(item.treatment(), ids).forEach(kind -> problems.add(new FieldProblem(at + "treatment",
                    "still holds " + kind)));
            Redactor.leftIn(item.guideline(), ids).forEach(kind -> problems.add(new FieldProblem(at + "guideline",
                    "still holds " + kind)));
            Redactor.leftIn(item.rationale(), ids).forEach(kind -> problems.add(new FieldProblem(at + "rationale",
                    "still holds " + kind)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        releases.save(determination.caseId(), reviewNo, new Release(text, releasedBy, CaseClock.now()));
        log.info("Case {}: determination of review {} released for publication by {}", caseNumber, reviewNo,
                releasedBy);
        return draft(caseNumber, reviewNo);
    }

    private Determination determination(String caseNumber, int reviewNo) {
        CaseRecord record = registry.caseOf(caseNumber);
        return reviews.determinations(record.id()).stream().filter(d -> d.reviewNo() == reviewNo).findFirst()
                .orElseThrow(() -> new NotFoundException("Case " + caseNumber + " has no determination of review "
                        + reviewNo));
    }

    /** The determination with the released text in place of the scrubbed one; the rest is the determination's own. */
    static Published released(Determination determination, ReleasedText text, List<StoredItem> stored) {
        Map<Integer, StoredItem> byNumber = stored.stream().collect(Collectors.toMap(StoredItem::itemNo,
                Function.identity()));
        Map<Integer, ReleasedItem> edited = text.items().stream().collect(Collectors.toMap(ReleasedItem::itemNo,
                Function.identity(), (a, b) -> a));
        List<PublishedItem> items = new ArrayList<>();
        for (DeterminedItem item : determination.items()) {
            JsonNode facts = facts(byNumber.get(item.itemNo()));
            ReleasedItem release = edited.get(item.itemNo());
            items.add(new PublishedItem(item.itemNo(), release == null ? null : release.treatment(),
                    item.treatmentCategory(), facts.path("bodyRegion").asText(null),
                    facts.path("diagnosisGroup").asText(null), item.decision(),
                    release == null ? null : release.guideline(), release == null ? null : release.rationale()));
        }
        return new Published(determination.caseNumber(), determination.reviewNo(),
                CaseClock.dateOf(determination.issuedAt()), determination.outcome(), determination.reviewerSpecialty(),
                text.clinicalSummary(), items);
    }

    static Published redacted(Determination determination, CaseIdentifiers ids, List<StoredItem> stored) {
        Map<Integer, StoredItem> byNumber = stored.stream().collect(Collectors.toMap(StoredItem::itemNo,
                Function.identity()));
        List<PublishedItem> items = new ArrayList<>();
        for (DeterminedItem item : determination.items()) {
            JsonNode facts = facts(byNumber.get(item.itemNo()));
            items.add(new PublishedItem(item.itemNo(), Redactor.scrub(item.requestedTreatment(), ids),
                    item.treatmentCategory(), facts.path("bodyRegion").asText(null),
                    facts.path("diagnosisGroup").asText(null), item.decision(), Redactor.scrub(item.citation(), ids),
                    Redactor.scrub(item.rationale(), ids)));
        }
        return new Published(determination.caseNumber(), determination.reviewNo(),
                CaseClock.dateOf(determination.issuedAt()), determination.outcome(), determination.reviewerSpecialty(),
                Redactor.scrub(determination.clinicalSummary(), ids), items);
    }

    /** Every text the candidate would publish, checked; each finding names the field. */
    static List<String> leftIn(Published candidate, CaseIdentifiers ids) {
        List<String> reasons = new ArrayList<>();
        Redactor.leftIn(candidate.clinicalSummary(), ids)
                .forEach(kind -> reasons.add("clinical summary still holds " + kind));
        for (PublishedItem item : candidate.items()) {
            String where = "item " + item.itemNo() + " ";
            Redactor.leftIn(item.treatment(), ids).forEach(kind -> reasons.add(where + "treatment still holds " + kind));
            Redactor.leftIn(item.guideline(), ids).forEach(kind -> reasons.add(where + "guideline still holds " + kind));
            Redactor.leftIn(item.rationale(), ids).forEach(kind -> reasons.add(where + "rationale still holds " + kind));
        }
        return reasons;
    }

    private CaseIdentifiers identifiers(CaseRecord record, List<StoredItem> stored) {
        ImrApplication application = ApplicationParser.stored(record);
        List<Identifier> people = new ArrayList<>();
        people.add(new Identifier("the employee's name", application.employee().name()));
        people.add(new Identifier("the representative's name", application.employee().representative()));
        people.add(new Identifier("the physician's name", application.requestingPhysician().name()));
        reviewers.namesOfEveryReviewer(record.id())
                .forEach(name -> people.add(new Identifier("the reviewer's name", name)));
        List<Identifier> organizations = List.of(
                new Identifier("the physician's group", application.requestingPhysician().group()),
                new Identifier("the employer's name", application.employer().name()),
                new Identifier("the claims administrator's name", application.claimsAdministrator().name()));
        List<Identifier> addresses = List.of(
                new Identifier("the employee's address", application.employee().address()),
                new Identifier("the employer's address", application.employer().address()),
                new Identifier("the claims administrator's address", application.claimsAdministrator().address()),
                new Identifier("the physician's address", application.requestingPhysician().address()));
        List<LocalDate> dates = new ArrayList<>(List.of(application.applicationReceivedDate(),
                application.urDecisionDate()));
        dates.add(application.employee().dateOfBirth());
        dates.add(application.employee().dateOfInjury());
        dates.add(application.applicationSignedDate());
        dates.add(application.urDecisionServedDate());
        application.disputedItems().stream().map(DisputedItem::requestDate).forEach(dates::add);
        return new CaseIdentifiers(people, organizations, addresses, application.employee().claimNumber(), dates);
    }


    private static JsonNode facts(StoredItem item) {
        try {
            return item == null ? JSON.createObjectNode() : JSON.readTree(item.itemJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored items are JSON", e);
        }
    }
}
