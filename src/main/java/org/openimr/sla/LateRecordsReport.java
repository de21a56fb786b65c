package org.openimr.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openimr.system.CaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The cases to refer to the Division for the late-records penalty (8 CCR 9792.12(c)(6): $500 a day,
 * at most $5,000): every case whose claims administrator sent the records late, or has not sent them
 * and is past due, with the days late and the amount, most days first.
 */
@Service
class LateRecordsReport {

    /** One case to refer; {@code recordsOwed} while the records are still awaited and the days still count. */
    record Referral(String caseNumber, String claimsAdministrator, String caseStatus, Instant recordsDueAt,
            int daysLate, int penalty, boolean recordsOwed) {
    }

    private final JdbcClient jdbc;

    LateRecordsReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Referral> referrals() {
        Instant now = CaseClock.now();
        return jdbc.sql("""
                select case_number, claims_administrator_name, status, records_due_at, records_days_late, sla_deadline
                from imr_case
                where records_days_late > 0
                   or (status = 'OPEN' and sla_deadline = :records and records_due_at < :now)""")
                .param("records", SlaVariables.RECORDS).param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    Timestamp due = rs.getTimestamp(4);
                    boolean owed = "OPEN".equals(rs.getString(3)) && SlaVariables.RECORDS.equals(rs.getString(6));
                    int days = rs.getInt(5) + (owed && due != null ? LateRecordsPenalty.daysLate(due.toInstant(), now) : 0);
                    return new Referral(rs.getString(1), rs.getString(2), rs.getString(3),
                            due == null ? null : due.toInstant(), days, LateRecordsPenalty.dollars(days), owed);
                }).list().stream()
                .sorted((a, b) -> a.daysLate() != b.daysLate() ? Integer.compare(b.daysLate(), a.daysLate())
                        : a.caseNumber().compareTo(b.caseNumber()))
                .toList();
    }

    /** The report as CSV, one case a line, for the Division's referral. */
    static String csv(List<Referral> referrals) {
        StringBuilder csv = new StringBuilder("caseNumber,claimsAdministrator,caseStatus,recordsDueAt,daysLate,penalty,recordsOwed\r\n");
        for (Referral r : referrals) {
            csv.append(r.caseNumber()).append(',').append(quoted(r.claimsAdministrator())).append(',')
                    .append(r.caseStatus()).append(',').append(r.recordsDueAt() == null ? "" : r.recordsDueAt())
                    .append(',').append(r.daysLate()).append(',').append(r.penalty()).append(',')
                    .append(r.recordsOwed()).append("\r\n");
        }
        return csv.toString();
    }

    /** Quoted as RFC 4180 asks, and never read as a formula by a spreadsheet. */
    private static String quoted(String text) {
        String safe = text.matches("^[=+\\-@\\t\\r].*") ? "'" + text : text;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
