package org.openimr.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V30: items stored under a fact's former name read under its one name afterwards, in
 * the item's row and in the application document; a months figure becomes weeks.
 */
class ClinicalFactNamesMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void storedItemsTakeTheOneNameOfEachFact() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:fact-names-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(database, "24");
        JdbcClient jdbc = JdbcClient.create(database);
        String gabapentin = """
                {"requestedTreatment":"Gabapentin 300 mg","treatmentCategory":"AED","onDrugWeeks":10}""";
        String release = """
                {"requestedTreatment":"Carpal tunnel release","treatmentCategory":"CTS_SURGERY",\
                "conservativeCareFailed":true,"failedConservativeCare":false}""";
        String ppi = """
                {"requestedTreatment":"Omeprazole","treatmentCategory":"PPI","durationMonths":13}""";
        jdbc.sql("""
                insert into imr_case (id, case_number, application_fingerprint, channel, status, stage, expedited,
                    application_received_date, ur_decision_date, employee_name, employer_name,
                    claims_administrator_name, requesting_physician_name, application_json, created_at, created_by)
                values (1, 'CM26-0000001', 'f', 'ONLINE', 'OPEN', 'REVIEW', false, date '2026-11-02',
                    date '2026-10-20', 'E', 'R', 'C', 'P', ?, timestamp '2026-11-02 09:00:00', 'intake1')""")
                .param("{\"expedited\":false,\"disputedItems\":[" + gabapentin + "," + release + "," + ppi + "]}")
                .update();
        String[] items = {gabapentin, release, ppi};
        for (int i = 0; i < items.length; i++) {
            jdbc.sql("""
                    insert into imr_disputed_item (case_id, item_no, requested_treatment, treatment_category, item_json)
                    values (1, ?, 'treatment', 'AED', ?)""").params(i + 1, items[i]).update();
        }

        migrate(database, "latest");

        JsonNode stored = JSON.readTree(jdbc.sql("select item_json from imr_disputed_item where item_no = 1")
                .query(String.class).single());
        assertThat(stored.get("durationWeeks").intValue()).isEqualTo(10);
        assertThat(stored.has("onDrugWeeks")).isFalse();
        JsonNode both = JSON.readTree(jdbc.sql("select item_json from imr_disputed_item where item_no = 2")
                .query(String.class).single());
        assertThat(both.get("failedConservativeCare").booleanValue()).as("the new name's value stays").isFalse();
        assertThat(both.has("conservativeCareFailed")).isFalse();
        JsonNode application = JSON.readTree(jdbc.sql("select application_json from imr_case where id = 1")
                .query(String.class).single());
        assertThat(application.get("expedited").booleanValue()).isFalse();
        assertThat(application.at("/disputedItems/0/durationWeeks").intValue()).isEqualTo(10);
        assertThat(application.at("/disputedItems/2/durationWeeks").intValue()).as("13 months in weeks").isEqualTo(56);
        assertThat(application.at("/disputedItems/2").has("durationMonths")).isFalse();
    }

    private static void migrate(DataSource database, String target) {
        Flyway.configure().dataSource(database).table("imr_schema_history").target(target)
                .javaMigrations(new ClinicalFactNamesMigration()).load().migrate();
    }
}
