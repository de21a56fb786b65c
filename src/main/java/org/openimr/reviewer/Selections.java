package org.openimr.reviewer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openimr.reviewer.ReviewerSelection.Candidate;
import org.openimr.reviewer.ReviewerSelection.Outcome;
import org.openimr.system.CaseClock;
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

    Selections(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            jdbc.sql("""
                    insert into imr_reviewer_selection_candidate (selection_id, position, reviewer_id, outcome, reasons)
                    values (?, ?, ?, ?, ?)""")
                    .params(selectionId, i, candidate.reviewerId(), candidate.outcome().name(),
                            candidate.outcome() == Outcome.CHOSEN ? null : String.join("; ", candidate.reasons()))
                    .update();
        }
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
