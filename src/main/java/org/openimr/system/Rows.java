package org.openimr.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Column readers for the repositories' hand-written row mappers. The rows a case reads on every
 * step (the case, its items, the roster, the letters) are mapped by hand: on those paths, mapping
 * records by reflection would be a noticeable part of what a case costs.
 */
public final class Rows {

    private Rows() {
    }

    /** A {@code timestamp with time zone} column, null kept. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A {@code date} column, null kept. */
    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A nullable {@code boolean} column. */
    public static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
