package org.openimr.eligibility;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openimr.system.CaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The screening decisions of each case (table imr_screening_decision), oldest first. */
@Repository
class ScreeningHistory {

    /** One decision: the findings it answered (rule codes), what was decided, why, by whom and when. */
    record Entry(List<String> findings, String decision, String reason, String decidedBy, Instant decidedAt) {
    }

    private final JdbcClient jdbc;

    ScreeningHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long caseId, String findings, ScreeningDecision decision, String reason, String decidedBy) {
        record(caseId, findings, decision.name(), reason, decidedBy);
    }

    /** Also what ends a deferral: LIABILITY_ACCEPTED or LIABILITY_DENIED. */
    void record(long caseId, String findings, String decision, String reason, String decidedBy) {
        jdbc.sql("""
                insert into imr_screening_decision (case_id, findings, decision, reason, decided_by, decided_at)
                values (:caseId, :findings, :decision, :reason, :decidedBy, :decidedAt)""")
                .param("caseId", caseId).param("findings", findings == null ? "" : findings)
                .param("decision", decision).param("reason", reason).param("decidedBy", decidedBy)
                .param("decidedAt", Timestamp.from(CaseClock.now())).update();
    }

    List<Entry> of(long caseId) {
        return jdbc.sql("""
                select findings, decision, reason, decided_by, decided_at from imr_screening_decision
                where case_id = :caseId order by decided_at, id""")
                .param("caseId", caseId)
                .query((rs, n) -> new Entry(rs.getString(1).isEmpty() ? List.of() : List.of(rs.getString(1).split(",")),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }
}
