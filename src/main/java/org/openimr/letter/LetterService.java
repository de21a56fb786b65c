package org.openimr.letter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openimr.intake.ApplicationParser;
import org.openimr.intake.CaseRecord;
import org.openimr.intake.CaseRegistry;
import org.openimr.intake.CaseRegistry.StoredItem;
import org.openimr.intake.ImrApplication;
import org.openimr.letter.LetterStore.Recipient;
import org.openimr.letter.LetterStore.Status;
import org.openimr.records.Documents;
import org.openimr.reviewer.CaseReviewers;
import org.openimr.system.CaseClock;
import org.openimr.system.NotFoundException;
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

    static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    static final DateTimeFormatter LETTER_DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a z", Locale.US);
    private static final Logger log = LoggerFactory.getLogger(LetterService.class);

    private final CaseRegistry registry;
    private final Documents documents;
    private final CaseReviewers reviewers;
    private final LetterStore store;
    private final LetterRenderer renderer;
    private final OrganizationProperties organization;
    private final ObjectMapper objectMapper;

    LetterService(CaseRegistry registry, Documents documents, CaseReviewers reviewers, LetterStore store,
            LetterRenderer renderer, OrganizationProperties organization, ObjectMapper objectMapper) {
        this.registry = registry;
        this.documents = documents;
        this.reviewers = reviewers;
        this.store = store;
        this.renderer = renderer;
        this.organization = organization;
        this.objectMapper = objectMapper;
    }

    /**
     * Composes a new version of a letter. {@code details} carries what the case process knows
     * beyond the registry: the clinical case summary and pages reviewed, ineligibility reasons,
     * the records due date.
     */
    public StoredLetter compose(String caseNumber, LetterKind kind, Map<String, Object> details, String createdBy) {
        CaseRecord record = caseRecord(caseNumber);
        Map<String, Object> model = model(record, kind, details);
        LetterRenderer.Rendered rendered = renderer.render(kind, model);
        StoredLetter letter = store.add(record.id(), kind, Status.DRAFT, rendered.pdf(), rendered.text(), createdBy);
        log.info("Case {}: {} version {} composed", caseNumber, kind, letter.version());
        return letter;
    }

    /** Issues the latest version of a letter to every recipient; issuing twice adds nothing. */
    public StoredLetter issue(String caseNumber, LetterKind kind) {
        CaseRecord record = caseRecord(caseNumber);
        StoredLetter letter = store.latest(record.id(), kind)
                .orElseThrow(() -> new IllegalStateException("Case " + caseNumber + " has no " + kind + " to issue"));
        ImrApplication application = application(record);
        for (Recipient recipient : recipients(application, kind)) {
            store.addRecipient(letter.id(), recipient);
        }
        store.review(letter.id(), Status.ISSUED, letter.reviewNote());
        log.info("Case {}: {} version {} issued", caseNumber, kind, letter.version());
        return store.byId(letter.id()).orElseThrow();
    }

    public void approve(String caseNumber, LetterKind kind, String note) {
        review(caseNumber, kind, Status.APPROVED, note);
    }

    public void returnForCorrection(String caseNumber, LetterKind kind, String note) {
        review(caseNumber, kind, Status.RETURNED, note);
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

    public String text(StoredLetter letter) {
        return store.text(letter.id());
    }

    public List<String> recipientsIssued(StoredLetter letter) {
        return store.recipients(letter.id()).stream().map(r -> r.role() + ": " + r.name()).toList();
    }

    private void review(String caseNumber, LetterKind kind, Status status, String note) {
        CaseRecord record = caseRecord(caseNumber);
        StoredLetter letter = store.latest(record.id(), kind).orElseThrow();
        store.review(letter.id(), status, note);
    }

    private Map<String, Object> model(CaseRecord record, LetterKind kind, Map<String, Object> details) {
        ImrApplication application = application(record);
        Map<String, Object> model = new HashMap<>();
        details.forEach((name, value) -> model.put(name, value instanceof Instant instant ? format(instant)
                : value instanceof LocalDate date ? format(date) : value));
        model.put("org", organization);
        model.put("caseNumber", record.caseNumber());
        model.put("letterDate", format(CaseClock.today()));
        model.put("priority", record.expedited() ? "Expedited" : "Regular");
        model.put("applicationReceived", format(application.applicationReceivedDate()));
        model.put("urDecisionDate", format(application.urDecisionDate()));
        model.put("dateOfInjury", format(application.employee().dateOfInjury()));
        model.put("requestSigned", format(application.applicationSignedDate()));
        model.put("assigned", store.latest(record.id(), LetterKind.NOTICE_OF_ASSIGNMENT)
                .map(letter -> format(CaseClock.dateOf(letter.createdAt()))).orElse(null));
        model.put("employee", application.employee());
        model.put("employer", application.employer());
        model.put("claimsAdministrator", application.claimsAdministrator());
        model.put("physician", application.requestingPhysician());
        model.put("items", items(record));
        model.put("documents", documents.forCase(record.id()).stream()
                .map(d -> Map.of("title", d.title(), "author", d.author(), "date", format(d.documentDate()),
                        "pages", d.pages()))
                .toList());
        model.put("reviewer", reviewers.qualifications(record.id()).orElse(null));
        model.put("recipients", recipients(application, kind));
        Object summary = details.get("clinicalSummary");
        model.put("clinicalSummaryParagraphs", summary == null ? List.of()
                : List.of(summary.toString().strip().split("\\R\\s*\\R")));
        return model;
    }

    private List<Map<String, Object>> items(CaseRecord record) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (StoredItem item : registry.items(record.id())) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("number", item.itemNo());
            view.put("requestedTreatment", item.requestedTreatment());
            view.put("outcome", item.decision() == null ? null
                    : item.decision().equals("UPHELD") ? "Upheld" : "Overturned");
            view.put("claimsAdministratorGuideline", claimsAdministratorGuideline(item.itemJson()));
            view.put("citation", item.decisionCitation());
            view.put("rationale", item.decisionRationale());
            items.add(view);
        }
        return items;
    }

    private String claimsAdministratorGuideline(String itemJson) {
        try {
            var value = objectMapper.readTree(itemJson).get("claimsAdministratorGuideline");
            return value == null ? "The Claims Administrator did not cite a guideline." : value.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored items are JSON", e);
        }
    }

    static List<Recipient> recipients(ImrApplication application, LetterKind kind) {
        String delivery = application.noticeDelivery().name();
        List<Recipient> recipients = new ArrayList<>();
        recipients.add(new Recipient("EMPLOYEE", application.employee().name(), delivery));
        if (application.employee().representative() != null) {
            recipients.add(new Recipient("REPRESENTATIVE", application.employee().representative(), delivery));
        }
        recipients.add(new Recipient("REQUESTING_PHYSICIAN", application.requestingPhysician().name(), delivery));
        recipients.add(new Recipient("CLAIMS_ADMINISTRATOR", application.claimsAdministrator().name(), delivery));
        if (kind == LetterKind.NOTICE_OF_ASSIGNMENT) {
            recipients.add(new Recipient("EMPLOYER", application.employer().name(), delivery));
        }
        return recipients;
    }

    private ImrApplication application(CaseRecord record) {
        try {
            return ApplicationParser.parse(objectMapper.readTree(record.applicationJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored applications are JSON", e);
        }
    }

    private CaseRecord caseRecord(String caseNumber) {
        return registry.findByCaseNumber(caseNumber).orElseThrow(() -> new NotFoundException("No case " + caseNumber));
    }

    static String format(LocalDate date) {
        return date == null ? null : LETTER_DATE.format(date);
    }

    static String format(Instant instant) {
        return LETTER_DATE_TIME.format(CaseClock.inCalifornia(instant));
    }
}
