package org.openimr.reviewer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openimr.cases.AssignedReviewers;
import org.openimr.system.CaseClock;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who reviews which case, now and before, and why. */
@Repository
public class Assignments implements AssignedReviewers {

    /**
     * One assignment of a reviewer to a case. {@code reason} says why it was made (selection, a
     * supervisor's choice, a reassignment and its cause); {@code note} what was set aside or the
     * selection report; {@code releaseReason} why it ended.
     */
    public record Assignment(long id, long caseId, int reviewNo, long reviewerId, String reviewerUserId,
            String specialty, Instant assignedAt, String assignedBy, String reason, String note, Instant releasedAt,
            String releaseReason) {
    }

    private static final String SELECT = """
            select a.id, a.case_id, a.review_no, a.reviewer_id, r.user_id as reviewer_user_id, a.specialty, a.assigned_at, a.assigned_by, a.reason,
                a.selection_note as note, a.released_at, a.release_reason
            from imr_reviewer_assignment a join imr_reviewer r on r.id = a.reviewer_id""";

    private final JdbcClient jdbc;

    Assignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long caseId, int reviewNo, long reviewerId, Specialty specialty, String assignedBy, String reason,
            String note) {
        jdbc.sql("""
                insert into imr_reviewer_assignment (case_id, review_no, reviewer_id, specialty, assigned_at, assigned_by,
                    reason, selection_note) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, reviewNo, reviewerId, specialty.name(), Timestamp.from(CaseClock.now()), assignedBy,
                        reason, note)
                .update();
    }

    /** Who reviewed the case in the reviews before {@code reviewNo}, each with the first review they served. */
    EarlierReviewers earlierThan(long caseId, int reviewNo) {
        Map<Long, Integer> reviews = new HashMap<>();
        jdbc.sql("select reviewer_id, min(review_no) from imr_reviewer_assignment where case_id = ? and review_no < ?"
                        + " group by reviewer_id")
                .params(caseId, reviewNo)
                .query((RowCallbackHandler) rs -> reviews.put(rs.getLong(1), rs.getInt(2)));
        return new EarlierReviewers(reviews);
    }

    @Override
    public boolean assignedInReview(long caseId, int reviewNo) {
        return jdbc.sql("select count(*) from imr_reviewer_assignment where case_id = ? and review_no = ?")
                .params(caseId, reviewNo).query(Integer.class).single() > 0;
    }

    public Optional<Assignment> current(long caseId) {
        return jdbc.sql(SELECT + " where a.case_id = ? and a.released_at is null").param(caseId)
                .query(Assignment.class).optional();
    }

    @Override
    public Optional<String> reviewerOf(long caseId) {
        return current(caseId).map(Assignment::reviewerUserId);
    }

    public List<Assignment> history(long caseId) {
        return jdbc.sql(SELECT + " where a.case_id = ? order by a.assigned_at, a.id").param(caseId)
                .query(Assignment.class).list();
    }

    /** The reviewer's current assignments, to find the cases a newly declared affiliation touches. */
    List<Assignment> currentOf(long reviewerId) {
        return jdbc.sql(SELECT + " where a.reviewer_id = ? and a.released_at is null order by a.id").param(reviewerId)
                .query(Assignment.class).list();
    }

    /** Ends the assignment; false when it had ended already (a concurrent release). */
    boolean release(long assignmentId, String reason) {
        return jdbc.sql("update imr_reviewer_assignment set released_at = ?, release_reason = ? where id = ? and released_at is null")
                .params(Timestamp.from(CaseClock.now()), reason, assignmentId).update() == 1;
    }
}
