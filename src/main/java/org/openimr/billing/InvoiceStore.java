package org.openimr.billing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openimr.system.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoices and the payments recorded against them. */
@Repository
class InvoiceStore {

    /** An invoice as issued, with what has been paid against it. */
    record Invoice(long id, String number, long caseId, String caseNumber, int reviewNo, String claimsAdministrator,
            FeeTier tier, BigDecimal amount, LocalDate scheduleEffectiveFrom, Instant issuedAt, LocalDate dueOn,
            BigDecimal paid) {

        BigDecimal balance() {
            return amount.subtract(paid);
        }
    }

    record Payment(String invoiceNumber, BigDecimal amount, LocalDate receivedOn, String reference, String recordedBy,
            Instant recordedAt) {
    }

    private static final String SELECT = """
            select i.id, i.invoice_number, i.case_id, c.case_number, i.review_no, i.claims_administrator, i.tier,
                i.amount, i.schedule_effective_from, i.issued_at, i.due_on,
                coalesce((select sum(p.amount) from imr_payment p where p.invoice_id = i.id), 0) as paid
            from imr_invoice i join imr_case c on c.id = i.case_id""";

    private static final RowMapper<Invoice> INVOICE = (rs, n) -> new Invoice(rs.getLong("id"),
            rs.getString("invoice_number"), rs.getLong("case_id"), rs.getString("case_number"), rs.getInt("review_no"),
            rs.getString("claims_administrator"), FeeTier.valueOf(rs.getString("tier")), rs.getBigDecimal("amount"),
            Rows.date(rs, "schedule_effective_from"), Rows.instant(rs, "issued_at"), Rows.date(rs, "due_on"),
            rs.getBigDecimal("paid").setScale(2));

    private final JdbcClient jdbc;

    InvoiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long caseId, int reviewNo) {
        return jdbc.sql("select count(*) from imr_invoice where case_id = ? and review_no = ?").params(caseId, reviewNo)
                .query(Integer.class).single() > 0;
    }

    void add(String number, long caseId, int reviewNo, String claimsAdministrator, FeeSchedules.Fee fee,
            Instant issuedAt, LocalDate dueOn, byte[] pdf) {
        jdbc.sql("""
                insert into imr_invoice (invoice_number, case_id, review_no, claims_administrator, tier, amount,
                    schedule_effective_from, issued_at, due_on, pdf) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, caseId, reviewNo, claimsAdministrator, fee.tier().name(), fee.amount(),
                        Date.valueOf(fee.scheduleEffectiveFrom()), Timestamp.from(issuedAt), Date.valueOf(dueOn), pdf)
                .update();
    }

    /** A review listed as unbilled: no fee schedule covers its application. */
    record Unbilled(String caseNumber, int reviewNo, String claimsAdministrator, String reason, Instant flaggedAt) {
    }

    boolean flagged(long caseId, int reviewNo) {
        return jdbc.sql("select count(*) from imr_unbilled_review where case_id = ? and review_no = ?")
                .params(caseId, reviewNo).query(Integer.class).single() > 0;
    }

    void flagUnbilled(long caseId, int reviewNo, String reason, Instant flaggedAt) {
        jdbc.sql("insert into imr_unbilled_review (case_id, review_no, reason, flagged_at) values (?, ?, ?, ?)")
                .params(caseId, reviewNo, reason, Timestamp.from(flaggedAt)).update();
    }

    List<Unbilled> unbilled() {
        return jdbc.sql("""
                select c.case_number, u.review_no, c.claims_administrator_name, u.reason, u.flagged_at
                from imr_unbilled_review u join imr_case c on c.id = u.case_id order by u.flagged_at, u.id""")
                .query((rs, n) -> new Unbilled(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        Rows.instant(rs, "flagged_at")))
                .list();
    }

    Optional<Invoice> byNumber(String number) {
        return jdbc.sql(SELECT + " where i.invoice_number = ?").param(number).query(INVOICE).optional();
    }

    /** The invoice row locked against concurrent payments, in the caller's transaction. */
    Optional<Invoice> lockByNumber(String number) {
        jdbc.sql("select id from imr_invoice where invoice_number = ? for update").param(number).query(Long.class).list();
        return byNumber(number);
    }

    List<Invoice> forCase(long caseId) {
        return jdbc.sql(SELECT + " where i.case_id = ? order by i.review_no").param(caseId).query(INVOICE).list();
    }

    byte[] pdf(long invoiceId) {
        return jdbc.sql("select pdf from imr_invoice where id = ?").param(invoiceId).query(byte[].class).single();
    }

    /** Invoices issued from {@code from} (inclusive) to {@code to} (exclusive) to one claims administrator. */
    List<Invoice> issuedTo(String claimsAdministrator, Instant from, Instant to) {
        return jdbc.sql(SELECT + " where i.claims_administrator = ? and i.issued_at >= ? and i.issued_at < ?"
                        + " order by i.issued_at, i.id")
                .params(claimsAdministrator, Timestamp.from(from), Timestamp.from(to)).query(INVOICE).list();
    }

    /** Invoices due before {@code today} with a balance left, the oldest due first. */
    List<Invoice> unpaidPastDue(LocalDate today) {
        return jdbc.sql("select * from (" + SELECT + " where i.due_on < ?) x where x.paid < x.amount"
                        + " order by x.due_on, x.invoice_number")
                .param(Date.valueOf(today)).query(INVOICE).list();
    }

    Optional<Payment> payment(long invoiceId, String reference) {
        return payments("where p.invoice_id = ? and p.reference = ?", invoiceId, reference).stream().findFirst();
    }

    List<Payment> payments(long invoiceId) {
        return payments("where p.invoice_id = ? order by p.received_on, p.id", invoiceId);
    }

    void addPayment(long invoiceId, BigDecimal amount, LocalDate receivedOn, String reference, String recordedBy,
            Instant recordedAt) {
        jdbc.sql("""
                insert into imr_payment (invoice_id, amount, received_on, reference, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(invoiceId, amount, Date.valueOf(receivedOn), reference, recordedBy, Timestamp.from(recordedAt))
                .update();
    }

    private List<Payment> payments(String where, Object... params) {
        return jdbc.sql("""
                select i.invoice_number, p.amount, p.received_on, p.reference, p.recorded_by, p.recorded_at
                from imr_payment p join imr_invoice i on i.id = p.invoice_id""" + " " + where)
                .params(params)
                .query((rs, n) -> new Payment(rs.getString(1), rs.getBigDecimal(2), Rows.date(rs, "received_on"),
                        rs.getString(4), rs.getString(5), Rows.instant(rs, "recorded_at")))
                .list();
    }
}
