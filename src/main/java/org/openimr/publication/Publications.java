package org.openimr.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openimr.reviewer.CaseReviewers;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Service;

/**
 * The final determinations of a period as the Division publishes them: the case number, each
 * treatment with its category, the body region and diagnosis group (the diagnosis in general terms),
 * the decision with its guideline and rationale, the reviewer's specialty, and the clinical summary,
 * every free text scrubbed of the case's identifiers ({@link Redactor}). A determination whose text
 * still holds one is withheld and listed for a person to redact.
 */
@Service
class Publications {

    record PublishedItem(int itemNo, String treatment, String category, String bodyRegion, String diagnosisGroup,
            String decision, String guideline, String rationale) {
    }

    record Published(String caseNumber, int reviewNo, LocalDate issuedOn, String outcome, String reviewerSpecialty,
            String clinicalSummary, List<PublishedItem> items) {
    }

    /** A determination kept back, and where and what it still identifies (kinds, never the text). */
    record Withheld(String caseNumber, int reviewNo, LocalDate issuedOn, List<String> reasons) {
    }

    record Export(LocalDate from, LocalDate to, List<Published> published, List<Withheld> withheld) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Reviews reviews;
    private final CaseRegistry registry;
    private final CaseReviewers reviewers;

    Publications(Reviews reviews, CaseRegistry registry, CaseReviewers reviewers) {
        this.reviews = reviews;
        this.registry = registry;
        this.reviewers = reviewers;
    }

    /** The determinations issued from {@code from} to {@code to}, both days included (California dates). */
    Export export(LocalDate from, LocalDate to) {
        List<Published> published = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        for (Determination determination : reviews.issuedBetween(CaseClock.startOf(from),
                CaseClock.startOf(to.plusDays(1)))) {
            CaseRecord record = registry.findById(determination.caseId()).orElseThrow();
            List<StoredItem> stored = registry.items(record.id());
            CaseIdentifiers ids = identifiers(record, stored);
            Published candidate = redacted(determination, ids, stored);
            List<String> reasons = leftIn(candidate, ids);
            if (reasons.isEmpty()) {
                published.add(candidate);
            } else {
                withheld.add(new Withheld(determination.caseNumber(), determination.reviewNo(), candidate.issuedOn(),
                        reasons));
            }
        }
        return new Export(from, to, published, withheld);
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
