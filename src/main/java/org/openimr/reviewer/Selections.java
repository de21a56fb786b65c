package org.openimr.reviewer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openimr.reviewer.ReviewerSelection.Candidate;
import org.openimr.reviewer.ReviewerSelection.Outcome;
import org.openimr.system.CaseClock;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The record of each selection run: who was chosen, and why every other reviewer was not. */
@Repository
class Selections {

    record Run(long id, Instant selectedAt, String selectedBy, String fittingSpecialties, String chosenUserId,
            String specialty) {
    }

    record CandidateRow(String userId, String outcome, String reasons) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    Selections(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void record(long caseId, String selectedBy, ReviewerSelection.Result result) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into imr_reviewer_selection (case_id, selected_at, selected_by, fitting_specialties,
                    chosen_reviewer_id, specialty) values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, Timestamp.from(CaseClock.now()), selectedBy,
                        String.join(",", result.fittingSpecialties().stream().map(Specialty::name).toList()),
                        result.chosen().map(Reviewer::id).orElse(null),
                        result.specialty() == null ? null : result.specialty().name())
                .update(key, "id");
        long selectionId = key.getKey().longValue();
        List<Candidate> candidates = result.candidates();
        // One batch, not a statement per reviewer: every selection records the whole roster.
        batches.batchUpdate("""
                insert into imr_reviewer_selection_candidate (selection_id, position, reviewer_id, outcome, reasons)
                values (?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int position) throws SQLException {
                        Candidate candidate = candidates.get(position);
                        statement.setLong(1, selectionId);
                        statement.setInt(2, position);
                        statement.setLong(3, candidate.reviewerId());
                        statement.setString(4, candidate.outcome().name());
                        statement.setString(5, candidate.outcome() == Outcome.CHOSEN ? null
                                : String.join("; ", candidate.reasons()));
                    }

                    @Override
                    public int getBatchSize() {
                        return candidates.size();
                    }
                });
    }

    Optional<Run> latest(long caseId) {
        return jdbc.sql("""
                select s.id, s.selected_at, s.selected_by, s.fitting_specialties, r.user_id as chosen_user_id, s.specialty
                from imr_reviewer_selection s left join imr_reviewer r on r.id = s.chosen_reviewer_id
                where s.case_id = ? order by s.selected_at desc, s.id desc""")
                .param(caseId).query(Run.class).list().stream().findFirst();
    }

    List<CandidateRow> candidates(long selectionId) {
        return jdbc.sql("""
                select r.user_id, c.outcome, c.reasons from imr_reviewer_selection_candidate c
                join imr_reviewer r on r.id = c.reviewer_id where c.selection_id = ? order by c.position""")
                .param(selectionId).query(CandidateRow.class).list();
    }
}
