package org.openimr.cases;

import java.sql.Timestamp;
import java.util.List;
import org.openimr.system.CaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of every look-up that disclosed who is a party to which case (imr_case_search), kept as
 * document views are: the case search and intake's list of the cases registered today both write here,
 * and the supervisors read it beside the searches.
 */
@Repository
public class CaseSearchLog {

    private final JdbcClient jdbc;

    CaseSearchLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the user asked this (as it should read in the record) and was shown these cases; nothing when none. */
    public void record(String user, String criteria, List<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into imr_case_search (searched_at, searched_by, criteria, result_count, case_numbers)
                values (?, ?, ?, ?, ?)""")
                .params(Timestamp.from(CaseClock.now()), user, criteria, caseNumbers.size(), String.join(",", caseNumbers))
                .update();
    }
}
