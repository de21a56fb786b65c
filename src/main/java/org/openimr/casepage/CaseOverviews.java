package org.openimr.casepage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.openimr.cases.ApplicationParser;
import org.openimr.cases.AssignedReviewers;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.CaseRegistry.StoredItem;
import org.openimr.cases.ImrApplication;
import org.openimr.system.CaseClock;
import org.openimr.system.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case as its page shows it: parties, disputed items with recommendation and decision, stage
 * and deadlines (as instants, and as staff read them in California time), the documents on file,
 * every letter with its versions and QA notes, and for a closed case why it closed. Read from the registry and, by SQL, from what
 * records and letters keep.
 */
@Component
class CaseOverviews {

    private final CaseRegistry registry;
    private final AssignedReviewers reviewers;
    private final JdbcClient jdbc;
    private final ClosingReasons closingReasons;

    CaseOverviews(CaseRegistry registry, AssignedReviewers reviewers, JdbcClient jdbc, ClosingReasons closingReasons) {
        this.registry = registry;
        this.reviewers = reviewers;
        this.jdbc = jdbc;
        this.closingReasons = closingReasons;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Overview(String caseNumber, String status, String stage, String outcome, String closeReason, String channel,
            boolean expedited, int reviewNo, LocalDate applicationReceivedDate, LocalDate urDecisionDate,
            Instant registeredAt, String registeredBy, Instant closedAt, String reviewer, Parties parties,
            Deadlines deadlines, List<Item> disputedItems, Documents documents, List<Letter> letters,
            ClosingReasons.Closing closing) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parties(String filedBy, Employee employee, String employer, String claimsAdministrator,
            Physician requestingPhysician) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Employee(String name, LocalDate dateOfBirth, LocalDate dateOfInjury, String claimNumber,
            String representative) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Physician(String name, String specialty, String group) {
    }

    /** Each deadline as an instant and as a California clock reads it ("Dec 22, 2026, 11:59 PM PST"). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Deadlines(String timeZone, String slaStatus, String runningDeadline, Moment dueAt, Moment recordsDueAt,
            Moment recordsCompleteAt, Moment determinationIssuedAt) {
    }

    record Moment(Instant at, String california) {

        static Moment of(Instant at) {
            return at == null ? null : new Moment(at, TimelineEntry.CALIFORNIA_TIME.format(at));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(int itemNo, String requestedTreatment, String treatmentCategory, Recommendation recommendation,
            Decision decision, JoinedFrom joinedFrom) {
    }

    /** The application an item was joined from, with the case page's link to it. */
    record JoinedFrom(String caseNumber, int itemNo, Moment joinedAt, String page) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Recommendation(String outcome, List<String> ruleIds, String citation, String rationale,
            String citationConfidence) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Decision(String decision, String citation, String rationale, boolean departsFromRecommendation,
            String decidedBy, Instant decidedAt) {
    }

    record Documents(int count, int pages, String caseFile, List<Document> list) {
    }

    /** A document on file; {@code viewer} opens it in the case file, absent for one described only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(long id, String title, int pages, Instant receivedAt, String viewer) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Letter(String kind, String name, int version, String status, Instant createdAt, String createdBy,
            String reviewNote, Instant issuedAt, String pdf) {
    }

    Overview of(CaseRecord record) {
        ImrApplication application = ApplicationParser.stored(record);
        ImrApplication.Employee employee = application.employee();
        Parties parties = new Parties(CaseTimeline.words(application.filedBy().name()),
                new Employee(employee.name(), employee.dateOfBirth(), employee.dateOfInjury(), employee.claimNumber(),
                        employee.representative()),
                application.employer().name(), application.claimsAdministrator().name(),
                new Physician(application.requestingPhysician().name(), application.requestingPhysician().specialty(),
                        application.requestingPhysician().group()));
        return new Overview(record.caseNumber(), record.status(), record.stage(), record.outcome(), record.closeReason(),
                record.channel(), record.expedited(), reviewNo(record.id()), record.applicationReceivedDate(),
                record.urDecisionDate(), record.createdAt(), record.createdBy(), record.closedAt(),
                reviewers.reviewerOf(record.id()).orElse(null), parties, deadlines(record.id()),
                registry.items(record.id()).stream().map(CaseOverviews::item).toList(), documents(record),
                letters(record), closingReasons.of(record));
    }

    private int reviewNo(long caseId) {
        return jdbc.sql("select review_no from imr_case where id = ?").param(caseId).query(Integer.class).single();
    }

    private Deadlines deadlines(long caseId) {
        return jdbc.sql("""
                select sla_status, sla_deadline, sla_due_at, records_due_at, records_complete_at, determination_issued_at
                from imr_case where id = ?""")
                .param(caseId).query((rs, n) -> new Deadlines(CaseClock.CALIFORNIA.getId(), rs.getString("sla_status"),
                        rs.getString("sla_deadline"), Moment.of(Rows.instant(rs, "sla_due_at")),
                        Moment.of(Rows.instant(rs, "records_due_at")), Moment.of(Rows.instant(rs, "records_complete_at")),
                        Moment.of(Rows.instant(rs, "determination_issued_at"))))
                .single();
    }

    private Documents documents(CaseRecord record) {
        String caseFile = "/case-file.html?case=" + encoded(record.caseNumber());
        List<Document> list = jdbc.sql("""
                select id, title, pages, received_at, content_id from imr_document where case_id = ?
                order by received_at, id""")
                .param(record.id())
                .query((rs, n) -> {
                    rs.getLong("content_id");
                    boolean stored = !rs.wasNull();
                    return new Document(rs.getLong("id"), rs.getString("title"), rs.getInt("pages"),
                            Rows.instant(rs, "received_at"), stored ? caseFile + "&document=" + rs.getLong("id") : null);
                })
                .list();
        return new Documents(list.size(), list.stream().mapToInt(Document::pages).sum(), caseFile, list);
    }

    private List<Letter> letters(CaseRecord record) {
        return jdbc.sql("""
                select l.kind, l.version, l.status, l.created_at, l.created_by, l.review_note,
                    (select min(r.issued_at) from imr_letter_recipient r where r.letter_id = l.id) as issued_at
                from imr_letter l where l.case_id = ? order by l.created_at, l.id""")
                .param(record.id())
                .query((rs, n) -> new Letter(rs.getString("kind"), letterName(rs.getString("kind")), rs.getInt("version"),
                        rs.getString("status"), Rows.instant(rs, "created_at"), rs.getString("created_by"),
                        rs.getString("review_note"), Rows.instant(rs, "issued_at"),
                        "/api/cases/" + encoded(record.caseNumber()) + "/letter?kind=" + rs.getString("kind")
                                + "&version=" + rs.getInt("version")))
                .list();
    }

    private static Item item(StoredItem item) {
        Recommendation recommendation = item.recommendedOutcome() == null ? null
                : new Recommendation(item.recommendedOutcome(), item.recommendedRuleIds() == null ? List.of()
                        : Arrays.stream(item.recommendedRuleIds().split(",")).map(String::strip).toList(),
                        item.recommendedCitation(), item.recommendedRationale(), item.citationConfidence());
        Decision decision = item.decision() == null ? null
                : new Decision(item.decision(), item.decisionCitation(), item.decisionRationale(),
                        Boolean.TRUE.equals(item.departsFromRecommendation()), item.decidedBy(), item.decidedAt());
        JoinedFrom joinedFrom = item.joinedFrom() == null ? null : new JoinedFrom(item.joinedFrom().caseNumber(),
                item.joinedFrom().itemNo(), Moment.of(item.joinedFrom().joinedAt()),
                "/case.html?number=" + encoded(item.joinedFrom().caseNumber()));
        return new Item(item.itemNo(), item.requestedTreatment(), item.treatmentCategory(), recommendation, decision,
                joinedFrom);
    }

    /** The name staff give a kind of letter ("Final determination letter"). */
    static String letterName(String kind) {
        return switch (kind) {
            case "FINAL_DETERMINATION" -> "Final determination letter";
            case "NOTICE_OF_ASSIGNMENT" -> "Notice of assignment";
            case "INELIGIBILITY_NOTICE" -> "Ineligibility notice";
            case "DEFERRAL_NOTICE" -> "Deferral notice";
            default -> CaseTimeline.words(kind);
        };
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
