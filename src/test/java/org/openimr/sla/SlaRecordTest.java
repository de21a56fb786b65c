package org.openimr.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.openimr.CaseTest;
import org.openimr.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry's copy of a case's running deadline, which the SLA summary counts. */
class SlaRecordTest extends CaseTest {

    @Autowired
    SlaRecord slaRecord;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCaseOpenedBeforeTheRegistryKeptDeadlinesIsCopiedAtStartUpAndACopiedOneIsLeftAlone() {
        String old = cases.submit(TestApplications.seedCase());
        String current = cases.submit(TestApplications.seedCase());
        // As a database of the version before V22 left them: the columns empty.
        jdbc.sql("update imr_case set sla_status = null, sla_deadline = null, sla_due_at = null where case_number = ?")
                .param(old).update();
        jdbc.sql("update imr_case set sla_status = 'BREACHED' where case_number = ?").param(current).update();

        slaRecord.copyMissing();

        Row copied = row(old);
        assertThat(copied.status()).isEqualTo("ON_TRACK");
        assertThat(copied.deadline()).isEqualTo(SlaVariables.RECORDS);
        assertThat(copied.dueAt().getTime()).isEqualTo(((Date) cases.variable(old, SlaVariables.SLA_DUE_AT)).getTime());
        assertThat(row(current).status()).isEqualTo("BREACHED");
    }

    private record Row(String status, String deadline, Timestamp dueAt) {
    }

    private Row row(String caseNumber) {
        return jdbc.sql("select sla_status, sla_deadline, sla_due_at from imr_case where case_number = ?")
                .param(caseNumber).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3)))
                .single();
    }
}
