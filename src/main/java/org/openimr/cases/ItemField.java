package org.openimr.cases;

import java.util.List;

/**
 * One field of a disputed item: its name (from the guideline input data dictionary), its type
 * and the values it may take. The list of fields is {@link DisputedItemFields}.
 */
public record ItemField(String name, Kind kind, boolean required, int min, int max, List<String> codes) {

    public enum Kind { TEXT, DATE, BOOLEAN, INTEGER, DECIMAL, CODE }

    static ItemField text(String name, boolean required, int maxLength) {
        return new ItemField(name, Kind.TEXT, required, 0, maxLength, List.of());
    }

    static ItemField date(String name, boolean required) {
        return new ItemField(name, Kind.DATE, required, 0, 0, List.of());
    }

    static ItemField bool(String name) {
        return new ItemField(name, Kind.BOOLEAN, false, 0, 0, List.of());
    }

    static ItemField integer(String name, int min, int max) {
        return new ItemField(name, Kind.INTEGER, false, min, max, List.of());
    }

    static ItemField decimal(String name, int min, int max) {
        return new ItemField(name, Kind.DECIMAL, false, min, max, List.of());
    }

    static ItemField code(String name, boolean required, String... codes) {
        return new ItemField(name, Kind.CODE, required, 0, 0, List.of(codes));
    }
}
