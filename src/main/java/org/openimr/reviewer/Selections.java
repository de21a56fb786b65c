package org.openimr.reviewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openimr.reviewer.ReviewerSelection.Candidate;
import org.openimr.reviewer.ReviewerSelection.Outcome;
import org.openimr.system.CaseClock;
import org.openimr.system.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of each selection run: who was chosen, and why every other reviewer was not (the
 * candidates, one JSON document per selection, in roster order).
 */
@Repository
class Selections {

    record Run(Instant selectedAt, String selectedBy, String fittingSpecialties, String chosenUserId,
            String specialty, List<CandidateRow> candidates) {
    }

    record CandidateRow(String userId, String outcome, String reasons) {
    }

    private static final TypeReference<List<CandidateRow>> CANDIDATES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Selections(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(long caseId, String selectedBy, ReviewerSelection.Result result) {
        jdbc.sql("""
                insert into imr_reviewer_selection (case_id, selected_at, selected_by, fitting_specialties,
                    chosen_reviewer_id, specialty, candidates) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, Timestamp.from(CaseClock.now()), selectedBy,
                        String.join(",", result.fittingSpecialties().stream().map(Specialty::name).toList()),
                        result.chosen().map(Reviewer::id).orElse(null),
                        result.specialty() == null ? null : result.specialty().name(),
                        document(result.candidates()))
                .update();
    }

    Optional<Run> latest(long caseId) {
        return jdbc.sql("""
                select s.selected_at, s.selected_by, s.fitting_specialties, r.user_id, s.specialty, s.candidates
                from imr_reviewer_selection s left join imr_reviewer r on r.id = s.chosen_reviewer_id
                where s.case_id = ? order by s.selected_at desc, s.id desc fetch first 1 rows only""")
                .param(caseId).query((row, n) -> new Run(Rows.instant(row, "selected_at"), row.getString("selected_by"),
                        row.getString("fitting_specialties"), row.getString("user_id"), row.getString("specialty"),
                        candidates(row.getString("candidates"))))
                .optional();
    }

    private String document(List<Candidate> candidates) {
        try {
            return json.writeValueAsString(candidates.stream().map(c -> new CandidateRow(c.userId(), c.outcome().name(),
                    c.outcome() == Outcome.CHOSEN ? null : String.join("; ", c.reasons()))).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A selection's candidates did not serialize", e);
        }
    }

    private List<CandidateRow> candidates(String document) {
        try {
            return json.readValue(document, CANDIDATES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored selection's candidates are not the JSON it was written as", e);
        }
    }
}
