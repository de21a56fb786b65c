package org.openimr.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * V30: the stored disputed items (each item's row and the application document) carry one name
 * per clinical fact. A fact stored under a former name ({@link DisputedItemFields#FORMER_NAMES})
 * moves to the name that replaced it, converted where the unit changed; where the item also has
 * the new name, the new name's value stays. Spring Boot hands Flyway every JavaMigration bean.
 */
@Component
class ClinicalFactNamesMigration implements JavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("30");
    }

    @Override
    public String getDescription() {
        return "one name per clinical fact in stored items";
    }

    @Override
    public Integer getChecksum() {
        return 30;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        rewrite(connection, "select case_id, item_no, item_json from imr_disputed_item",
                "update imr_disputed_item set item_json = ? where case_id = ? and item_no = ?", 2);
        rewrite(connection, "select id, application_json from imr_case",
                "update imr_case set application_json = ? where id = ?", 1);
    }

    /** Reads each row's JSON (the last column selected), renames its facts, and writes back the rows that changed. */
    private static void rewrite(Connection connection, String select, String update, int keys) throws Exception {
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(select);
                PreparedStatement write = connection.prepareStatement(update)) {
            while (rows.next()) {
                JsonNode document = JSON.readTree(rows.getString(keys + 1));
                if (renamed(document)) {
                    write.setString(1, JSON.writeValueAsString(document));
                    for (int key = 1; key <= keys; key++) {
                        write.setObject(key + 1, rows.getObject(key));
                    }
                    write.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Stored items could not be renamed", e);
        }
    }

    /** Renames the facts of an item, or of each item of an application's disputedItems. */
    static boolean renamed(JsonNode document) {
        boolean changed = false;
        JsonNode items = document.get("disputedItems");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                changed |= renamedFacts(item);
            }
            return changed;
        }
        return renamedFacts(document);
    }

    private static boolean renamedFacts(JsonNode node) {
        if (!(node instanceof ObjectNode item)) {
            return false;
        }
        boolean changed = false;
        for (DisputedItemFields.FormerName former : DisputedItemFields.FORMER_NAMES) {
            JsonNode value = item.remove(former.field().name());
            if (value == null) {
                continue;
            }
            changed = true;
            if (!value.isNull() && !item.hasNonNull(former.replacedBy())) {
                Object converted = former.convert(value.isInt() ? Integer.valueOf(value.intValue())
                        : value.isBoolean() ? Boolean.valueOf(value.booleanValue()) : null);
                item.set(former.replacedBy(), converted == null ? value : JSON.valueToTree(converted));
            }
        }
        return changed;
    }
}
