package org.openimr.letter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.ImrApplication;
import org.openimr.cases.Reviews;
import org.openimr.cases.Reviews.Remand;
import org.openimr.decision.StatedFacts;
import org.openimr.letter.LetterStore.Recipient;
import org.openimr.records.Documents;
import org.openimr.reviewer.CaseReviewers;
import org.openimr.system.CaseClock;
import org.springframework.stereotype.Component;

/**
 * Gathers what a letter says from the case: the application, the disputed items with the
 * reviewer's decisions, the documents received, the reviewer's qualifications and the
 * recipients. The templates decide the wording; this gives them facts, dates already in the
 * letter's format.
 */
@Component
class LetterContents {

    static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    static final DateTimeFormatter LETTER_DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a z", Locale.US);

    private final CaseRegistry registry;
    private final Reviews reviews;
    private final Documents documents;
    private final CaseReviewers reviewers;
    private final LetterStore store;
    private final OrganizationProperties organization;
    private final ObjectMapper objectMapper;
    private final StatedFacts statedFacts;

    LetterContents(CaseRegistry registry, Reviews reviews, Documents documents, CaseReviewers reviewers,
            LetterStore store, OrganizationProperties organization, ObjectMapper objectMapper, StatedFacts statedFacts) {
        this.statedFacts = statedFacts;
        this.registry = registry;
        this.reviews = reviews;
        this.documents = documents;
        this.reviewers = reviewers;
        this.store = store;
        this.organization = organization;
        this.objectMapper = objectMapper;
    }

    /** A detail naming the roles a letter is addressed to, when it goes to some parties only. */
    static final String ADDRESSED_TO = "addressedTo";
    /** A detail naming another case (a {@link CaseRecord}) whose parties the letter goes to as well. */
    static final String ALSO_TO_PARTIES_OF = "alsoToPartiesOf";
    /** The order of a distribution list, by role. */
    private static final List<String> ROLE_ORDER = List.of("EMPLOYEE", "REPRESENTATIVE", "REQUESTING_PHYSICIAN",
            "CLAIMS_ADMINISTRATOR", "EMPLOYER");

    /**
     * The template model of a letter. {@code details} carries what the case process knows beyond
     * the registry: the clinical case summary and pages reviewed, ineligibility reasons, the
     * records due date.
     */
    Map<String, Object> model(CaseRecord record, LetterKind kind, Map<String, Object> details) {
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
        Optional<Remand> remand = remand(record);
        model.put("items", items(record, remand));
        model.put("remand", remand.map(order -> remandFacts(record, order)).orElse(null));
        model.put("documents", documents.forCase(record.id()).stream()
                .map(d -> Map.of("reference", d.reference(), "pages", d.pages()))
                .toList());
        model.put("reviewer", reviewers.qualifications(record.id()).map(ReviewerStatement::of).orElse(null));
        model.put("recipients", details.get(ADDRESSED_TO) instanceof Collection<?> roles
                ? only(recipients(application, kind), roles)
                : details.get(ALSO_TO_PARTIES_OF) instanceof CaseRecord other ? recipients(record, kind, other)
                : recipients(application, kind));
        model.put("clinicalSummaryParagraphs", paragraphs(details.get("clinicalSummary")));
        return model;
    }

    OrganizationProperties organization() {
        return organization;
    }

    /** Who receives a letter, in the order of its distribution list. */
    List<Recipient> recipients(CaseRecord record, LetterKind kind) {
        return recipients(application(record), kind);
    }

    /** Who receives a letter addressed to some parties only (their roles), in the order of the distribution list. */
    List<Recipient> recipients(CaseRecord record, LetterKind kind, Collection<?> roles) {
        return only(recipients(record, kind), roles);
    }

    /** Who receives a letter to the parties of two cases, in the order of the distribution list, each once. */
    List<Recipient> recipients(CaseRecord record, LetterKind kind, CaseRecord other) {
        List<Recipient> recipients = new ArrayList<>(recipients(record, kind));
        for (Recipient recipient : recipients(other, kind)) {
            if (recipients.stream().noneMatch(r -> r.role().equals(recipient.role())
                    && r.name().strip().equalsIgnoreCase(recipient.name().strip()))) {
                recipients.add(recipient);
            }
        }
        recipients.sort(Comparator.comparingInt(r -> ROLE_ORDER.indexOf(r.role())));
        return recipients;
    }

    private static List<Recipient> only(List<Recipient> recipients, Collection<?> roles) {
        return recipients.stream().filter(recipient -> roles.contains(recipient.role())).toList();
    }

    private static List<Recipient> recipients(ImrApplication application, LetterKind kind) {
        String delivery = application.noticeDelivery().name();
        List<Recipient> recipients = new ArrayList<>();
        recipients.add(new Recipient("EMPLOYEE", application.employee().name(), delivery));
        if (application.employee().representative() != null) {
            recipients.add(new Recipient("REPRESENTATIVE", application.employee().representative(), delivery));
        }
        recipients.add(new Recipient("REQUESTING_PHYSICIAN", application.requestingPhysician().name(), delivery));
        recipients.add(new Recipient("CLAIMS_ADMINISTRATOR", application.claimsAdministrator().name(), delivery));
        if (kind == LetterKind.NOTICE_OF_ASSIGNMENT) {
            // The notice of assignment also goes to the employer (8 CCR 9792.10.4(b)).
            recipients.add(new Recipient("EMPLOYER", application.employer().name(), delivery));
        }
        return recipients;
    }

    /** The order the case is under review for now, if its current review follows a remand. */
    Optional<Remand> remand(CaseRecord record) {
        int reviewNo = registry.reviewNo(record.id());
        return reviewNo > 1 ? reviews.remand(record.id(), reviewNo) : Optional.empty();
    }

    /**
     * The items the current review decides: all of them but those screening left out (duplicates of
     * an earlier case's), or after a remand those the order concerns.
     */
    List<StoredItem> itemsUnderReview(CaseRecord record, Optional<Remand> remand) {
        List<Integer> screenedOut = registry.screenedOutItems(record.id());
        return registry.items(record.id()).stream().filter(item -> !screenedOut.contains(item.itemNo()))
                .filter(item -> remand.map(order -> order.items().contains(item.itemNo())).orElse(true)).toList();
    }

    /** What the letter after a remand says of the order and of the determination it set aside. */
    private Map<String, Object> remandFacts(CaseRecord record, Remand order) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("issuedBy", order.issuedBy() == Reviews.OrderIssuer.WCAB
                ? "the Workers' Compensation Appeals Board"
                : "the Administrative Director of the Division of Workers' Compensation");
        facts.put("reference", order.orderReference());
        facts.put("orderDate", format(order.orderDate()));
        facts.put("receivedDate", format(order.orderReceivedDate()));
        facts.put("items", String.join(", ", order.items().stream().map(n -> "(" + n + ")").toList()));
        facts.put("setAsideDate", reviews.determinations(record.id()).stream()
                .filter(d -> d.reviewNo() == order.reviewNo() - 1).findFirst()
                .map(d -> format(CaseClock.dateOf(d.issuedAt()))).orElse(null));
        return facts;
    }

    private List<Map<String, Object>> items(CaseRecord record, Optional<Remand> remand) {
        Map<Long, Documents.Document> sources = new HashMap<>();
        documents.forCase(record.id()).forEach(document -> sources.put(document.id(), document));
        List<Map<String, Object>> items = new ArrayList<>();
        for (StoredItem item : itemsUnderReview(record, remand)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("number", item.itemNo());
            view.put("requestedTreatment", item.requestedTreatment());
            view.put("outcome", item.decision() == null ? null
                    : item.decision().equals("UPHELD") ? "Upheld" : "Overturned");
            view.put("claimsAdministratorGuideline", claimsAdministratorGuideline(item.itemJson()));
            view.put("citation", item.decisionCitation());
            view.put("rationale", item.decisionRationale());
            view.put("facts", factSentences(record.id(), item, sources));
            items.add(view);
        }
        return items;
    }

    /**
     * The facts an item was decided on, each with its source, the way the seed letter says "Per the
     * records provided": "Per the progress report of June 12, 2014 (page 3), visits or sessions
     * completed: 6." A fact marked not documented, or given only in the application, says so.
     */
    private List<String> factSentences(long caseId, StoredItem item, Map<Long, Documents.Document> sources) {
        List<String> sentences = new ArrayList<>();
        for (StatedFacts.StatedFact fact : statedFacts.of(caseId, item)) {
            if (fact.notDocumented()) {
                sentences.add("The records provided do not document " + fact.label() + ".");
            } else if (fact.fromRecords()) {
                Documents.Document document = sources.get(fact.documentId());
                String source = document == null ? "records provided" : document.title()
                        + (document.documentDate() == null ? "" : " of " + format(document.documentDate()));
                sentences.add("Per the " + source + " (page " + fact.page() + "), " + fact.label() + ": "
                        + fact.value() + ".");
            } else {
                sentences.add("Per the application for independent medical review, not confirmed in the records "
                        + "provided, " + fact.label() + ": " + fact.value() + ".");
            }
        }
        return sentences;
    }

    /**
     * The reviewer's summary split at blank lines. Never empty: the template opens the first
     * paragraph with the pages reviewed and the date the request was signed, as the real letter does.
     */
    private static List<String> paragraphs(Object summary) {
        if (summary == null || summary.toString().isBlank()) {
            return List.of("");
        }
        return List.of(summary.toString().strip().split("\\R\\s*\\R"));
    }

    private String claimsAdministratorGuideline(String itemJson) {
        try {
            JsonNode value = objectMapper.readTree(itemJson).get("claimsAdministratorGuideline");
            // Absent: the template says the claims administrator cited none.
            return value == null ? null : value.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored items are JSON", e);
        }
    }

    private ImrApplication application(CaseRecord record) {
        try {
            return ApplicationParser.parse(objectMapper.readTree(record.applicationJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored applications are JSON", e);
        }
    }

    static String format(LocalDate date) {
        return date == null ? null : LETTER_DATE.format(date);
    }

    static String format(Instant instant) {
        return LETTER_DATE_TIME.format(CaseClock.inCalifornia(instant));
    }
}
