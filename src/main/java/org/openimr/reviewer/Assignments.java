package org.openimr.reviewer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openimr.system.CaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who reviews which case, now and before. */
@Repository
public class Assignments {

    public record Assignment(long id, long caseId, long reviewerId, String specialty, Instant assignedAt,
            String assignedBy, String selectionNote, Instant releasedAt, String releaseReason) {
    }

    private final JdbcClient jdbc;

    Assignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long caseId, long reviewerId, Specialty specialty, String assignedBy, String selectionNote) {
        jdbc.sql("""
                insert into imr_reviewer_assignment (case_id, reviewer_id, specialty, assigned_at, assigned_by,
                    selection_note) values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, reviewerId, specialty.name(), Timestamp.from(CaseClock.now()), assignedBy, selectionNote)
                .update();
    }

    public Optional<Assignment> current(long caseId) {
        return jdbc.sql("""
                select id, case_id, reviewer_id, specialty, assigned_at, assigned_by, selection_note, released_at,
                    release_reason from imr_reviewer_assignment where case_id = ? and released_at is null""")
                .param(caseId).query(Assignment.class).optional();
    }

    public List<Assignment> history(long caseId) {
        return jdbc.sql("""
                select id, case_id, reviewer_id, specialty, assigned_at, assigned_by, selection_note, released_at,
                    release_reason from imr_reviewer_assignment where case_id = ? order by assigned_at, id""")
                .param(caseId).query(Assignment.class).list();
    }

    void release(long assignmentId, String reason) {
        jdbc.sql("update imr_reviewer_assignment set released_at = ?, release_reason = ? where id = ? and released_at is null")
                .params(Timestamp.from(CaseClock.now()), reason, assignmentId).update();
    }
}
