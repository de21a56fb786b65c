package org.openimr.reviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V23 moves the candidates of every recorded selection, one row per reviewer until then,
 * into one JSON document on the selection: nothing of an old selection's record may be lost, and
 * the roster order stays. Run here on H2 (the embedded default) and in the subclass on PostgreSQL.
 */
class SelectionCandidatesMigrationTest {

    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        // A database of its own each time: a rerun in the same JVM must start again at V22.
        h2.setURL("jdbc:h2:mem:selection-migration-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void theCandidatesOfSelectionsRecordedBeforeTheChangeAreKeptInRosterOrder() throws Exception {
        DataSource database = database();
        migrate(database, "22");
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("""
                insert into imr_case (id, case_number, application_fingerprint, channel, status, stage, expedited,
                    application_received_date, ur_decision_date, employee_name, employer_name,
                    claims_administrator_name, requesting_physician_name, application_json, created_at, created_by)
                values (1, 'CM26-0000001', 'f', 'ONLINE', 'OPEN', 'REVIEWER_SELECTION', false, date '2026-11-02',
                    date '2026-10-20', 'E', 'R', 'C', 'P', '{}', timestamp '2026-11-02 09:00:00', 'intake1')""")
                .update();
        for (String reviewer : new String[] {"reviewer1", "reviewer2", "reviewer3"}) {
            jdbc.sql("""
                    insert into imr_reviewer (user_id, display_name, clinical_practice_since, active_practice_hours,
                        capacity) values (?, ?, date '2001-01-01', 30, 10)""").params(reviewer, reviewer).update();
        }
        jdbc.sql("""
                insert into imr_reviewer_selection (id, case_id, selected_at, selected_by, fitting_specialties,
                    chosen_reviewer_id, specialty)
                values (7, 1, timestamp '2026-11-03 10:00:00', 'system', 'NEUROSURGERY',
                    (select id from imr_reviewer where user_id = 'reviewer2'), 'NEUROSURGERY')""").update();
        candidate(jdbc, 0, "reviewer3", "EXCLUDED", "Tie to a party: Sierra Claims Administrators");
        candidate(jdbc, 1, "reviewer2", "CHOSEN", null);
        candidate(jdbc, 2, "reviewer1", "QUALIFIED", "Holds more open cases");

        migrate(database, "latest");

        JsonNode candidates = new ObjectMapper().readTree(jdbc.sql(
                "select candidates from imr_reviewer_selection where id = 7").query(String.class).single());
        assertThat(candidates).hasSize(3);
        assertThat(candidates.get(0).get("userId").asText()).isEqualTo("reviewer3");
        assertThat(candidates.get(0).get("outcome").asText()).isEqualTo("EXCLUDED");
        assertThat(candidates.get(0).get("reasons").asText()).isEqualTo("Tie to a party: Sierra Claims Administrators");
        assertThat(candidates.get(1).get("userId").asText()).isEqualTo("reviewer2");
        assertThat(candidates.get(1).get("outcome").asText()).isEqualTo("CHOSEN");
        assertThat(candidates.get(1).path("reasons").isNull() || candidates.get(1).path("reasons").isMissingNode())
                .isTrue();
        assertThat(candidates.get(2).get("userId").asText()).isEqualTo("reviewer1");
        assertThat(candidates.get(2).get("reasons").asText()).isEqualTo("Holds more open cases");
        assertThatThrownBy(() -> jdbc.sql("select count(*) from imr_reviewer_selection_candidate")
                .query(Long.class).single()).hasMessageContaining("imr_reviewer_selection_candidate");
    }

    private static void candidate(JdbcClient jdbc, int position, String reviewer, String outcome, String reasons) {
        jdbc.sql("""
                insert into imr_reviewer_selection_candidate (selection_id, position, reviewer_id, outcome, reasons)
                values (7, ?, (select id from imr_reviewer where user_id = ?), ?, ?)""")
                .params(position, reviewer, outcome, reasons).update();
    }

    private static void migrate(DataSource database, String target) {
        Flyway.configure().dataSource(database).table("imr_schema_history").target(target).load().migrate();
    }
}
