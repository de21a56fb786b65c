package org.openimr.cases;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openimr.system.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The reviews of each case: the first, and one more for every order that set a determination
 * aside (a remand, LC 4610.6(h)-(i)); and the ledger of every final determination issued, one per
 * review, with what it decided and the dates the Division's figures measure. Reports, the
 * publication export, billing and the case history read the ledger; the step that issues a letter
 * writes it.
 */
@Repository
public class Reviews {

    /** Who set the determination aside: the Workers' Compensation Appeals Board or the Division (the Administrative Director). */
    public enum OrderIssuer { WCAB, DIVISION }

    /** The order that started review {@code reviewNo} of a case, and the items it concerns. */
    public record Remand(long caseId, int reviewNo, OrderIssuer issuedBy, String orderReference, LocalDate orderDate,
            LocalDate orderReceivedDate, String ground, List<Integer> items, String note, int setAsideLetterVersion,
            Instant recordedAt, String recordedBy) {
    }

    /** A final determination as issued: the review it ended, its letter, its dates and its item decisions. */
    public record Determination(long id, long caseId, String caseNumber, int reviewNo, int letterVersion,
            Instant issuedAt, String outcome, boolean expedited, Instant assignedAt, Instant recordsCompleteAt,
            Instant dueAt, boolean late, String reviewerSpecialty, String clinicalSummary, List<DeterminedItem> items) {
    }

    /** One item of a determination, decided. */
    public record DeterminedItem(int itemNo, String requestedTreatment, String treatmentCategory, String decision,
            String citation, String rationale) {
    }

    private static final String DETERMINATION_COLUMNS = """
            d.id, d.case_id, c.case_number, d.review_no, d.letter_version, d.issued_at, d.outcome, d.expedited,
            d.assigned_at, d.records_complete_at, d.due_at, d.late, d.reviewer_specialty, d.clinical_summary
            from imr_determination d join imr_case c on c.id = d.case_id""";

    private static final RowMapper<Remand> REMAND_ROW = (rs, n) -> new Remand(rs.getLong("case_id"),
            rs.getInt("review_no"), OrderIssuer.valueOf(rs.getString("issued_by")), rs.getString("order_reference"),
            Rows.date(rs, "order_date"), Rows.date(rs, "order_received_date"), rs.getString("ground"),
            ReviewItems.parse(rs.getString("items")), rs.getString("note"), rs.getInt("set_aside_letter_version"),
            Rows.instant(rs, "recorded_at"), rs.getString("recorded_by"));

    private final JdbcClient jdbc;

    Reviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the order that opens the next review of the case; the case itself reopens in {@link CaseRegistry#reopenForRemand}. */
    public void recordRemand(Remand remand) {
        jdbc.sql("""
                insert into imr_remand (case_id, review_no, issued_by, order_reference, order_date, order_received_date,
                    ground, items, note, set_aside_letter_version, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(remand.caseId(), remand.reviewNo(), remand.issuedBy().name(), remand.orderReference(),
                        Date.valueOf(remand.orderDate()), Date.valueOf(remand.orderReceivedDate()), remand.ground(),
                        ReviewItems.text(remand.items()), remand.note(), remand.setAsideLetterVersion(),
                        Timestamp.from(remand.recordedAt()), remand.recordedBy())
                .update();
    }

    public List<Remand> remands(long caseId) {
        return jdbc.sql("select * from imr_remand where case_id = ? order by review_no").param(caseId)
                .query(REMAND_ROW).list();
    }

    public Optional<Remand> remand(long caseId, int reviewNo) {
        return jdbc.sql("select * from imr_remand where case_id = ? and review_no = ?").params(caseId, reviewNo)
                .query(REMAND_ROW).optional();
    }

    public Optional<Remand> remandByOrder(long caseId, String orderReference) {
        return jdbc.sql("select * from imr_remand where case_id = ? and order_reference = ?")
                .params(caseId, orderReference).query(REMAND_ROW).optional();
    }

    /**
     * Adds the determination that ended a review, with its items. A review's determination is recorded
     * once: the step that issues the letter may run again, and the first record stays (the unique key
     * refuses a second one written at the same moment, and that step's job runs again).
     */
    public void recordDetermination(Determination determination) {
        boolean recorded = jdbc.sql("select count(*) from imr_determination where case_id = ? and review_no = ?")
                .params(determination.caseId(), determination.reviewNo()).query(Integer.class).single() > 0;
        if (recorded) {
            return;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into imr_determination (case_id, review_no, letter_version, issued_at, outcome, expedited,
                    assigned_at, records_complete_at, due_at, late, reviewer_specialty, clinical_summary)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(determination.caseId(), determination.reviewNo(), determination.letterVersion(),
                        Timestamp.from(determination.issuedAt()), determination.outcome(), determination.expedited(),
                        timestamp(determination.assignedAt()), timestamp(determination.recordsCompleteAt()),
                        timestamp(determination.dueAt()), determination.late(), determination.reviewerSpecialty(),
                        determination.clinicalSummary())
                .update(key, "id");
        long id = key.getKey().longValue();
        for (DeterminedItem item : determination.items()) {
            jdbc.sql("""
                    insert into imr_determination_item (determination_id, item_no, requested_treatment,
                        treatment_category, decision, citation, rationale) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, item.itemNo(), item.requestedTreatment(), item.treatmentCategory(), item.decision(),
                            item.citation(), item.rationale())
                    .update();
        }
    }

    /** The case's determinations, the first review's first. */
    public List<Determination> determinations(long caseId) {
        return withItems(jdbc.sql("select " + DETERMINATION_COLUMNS + " where d.case_id = ? order by d.review_no")
                .param(caseId).query(this::determination).list());
    }

    /** Every determination issued from {@code from} (inclusive) to {@code to} (exclusive), in the order issued. */
    public List<Determination> issuedBetween(Instant from, Instant to) {
        return withItems(jdbc.sql("select " + DETERMINATION_COLUMNS
                        + " where d.issued_at >= ? and d.issued_at < ? order by d.issued_at, d.id")
                .params(Timestamp.from(from), Timestamp.from(to)).query(this::determination).list());
    }

    private List<Determination> withItems(List<Determination> determinations) {
        if (determinations.isEmpty()) {
            return determinations;
        }
        Map<Long, List<DeterminedItem>> items = new LinkedHashMap<>();
        determinations.forEach(d -> items.put(d.id(), new ArrayList<>()));
        // In slices, so that a month of letters does not make one statement with tens of thousands of parameters.
        List<Long> ids = List.copyOf(items.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("""
                    select determination_id, item_no, requested_treatment, treatment_category, decision, citation, rationale
                    from imr_determination_item where determination_id in (:ids) order by determination_id, item_no""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query((rs, n) -> {
                        items.get(rs.getLong(1)).add(new DeterminedItem(rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                        return null;
                    }).list();
        }
        return determinations.stream().map(d -> new Determination(d.id(), d.caseId(), d.caseNumber(), d.reviewNo(),
                d.letterVersion(), d.issuedAt(), d.outcome(), d.expedited(), d.assignedAt(), d.recordsCompleteAt(),
                d.dueAt(), d.late(), d.reviewerSpecialty(), d.clinicalSummary(), List.copyOf(items.get(d.id()))))
                .toList();
    }

    private Determination determination(ResultSet rs, int rowNum) throws SQLException {
        return new Determination(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_number"),
                rs.getInt("review_no"), rs.getInt("letter_version"), Rows.instant(rs, "issued_at"),
                rs.getString("outcome"), rs.getBoolean("expedited"), Rows.instant(rs, "assigned_at"),
                Rows.instant(rs, "records_complete_at"), Rows.instant(rs, "due_at"), rs.getBoolean("late"),
                rs.getString("reviewer_specialty"), rs.getString("clinical_summary"), List.of());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
