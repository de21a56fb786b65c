package org.openimr.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One disputed treatment of an application: its facts keyed by the field names of
 * {@link DisputedItemFields}. Absent facts are simply not in the map.
 */
public record DisputedItem(Map<String, Object> facts) {

    public DisputedItem {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public String requestedTreatment() {
        return (String) facts.get("requestedTreatment");
    }

    public String treatmentCategory() {
        return (String) facts.get("treatmentCategory");
    }

    public LocalDate requestDate() {
        return (LocalDate) facts.get("requestDate");
    }

    public String claimsAdministratorGuideline() {
        return (String) facts.get("claimsAdministratorGuideline");
    }

    public Object get(String field) {
        return facts.get(field);
    }

    /** The facts as JSON-ready values (dates as ISO strings, as the intake API takes them). */
    @JsonValue
    public Map<String, Object> toJsonMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        facts.forEach((name, value) -> json.put(name, value instanceof LocalDate date ? date.toString() : value));
        return json;
    }
}
