package org.openimr.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openimr.cases.DisputedItem;
import org.openimr.system.CaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clinical facts of disputed items as the reviewer established them from the records, each
 * with its source (document and page) or marked not documented. The recommendation is computed
 * from the item with these facts in place of what the application gave. A fact established in an
 * earlier review of the case (before a remand) is the new review's starting point, marked as such
 * until its reviewer confirms or changes it.
 */
@Component
public class EstablishedFacts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    EstablishedFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One established fact: its value with its source, or not documented (value, document and page
     * null); the review it was established in, and whether that is an earlier review than the case's current one.
     */
    public record Fact(String name, Object value, boolean notDocumented, Long documentId, Integer page,
            String establishedBy, int reviewNo, boolean fromEarlierReview) {

        /** A fact as the reviewer gives it now; it is saved under the case's current review. */
        public Fact(String name, Object value, boolean notDocumented, Long documentId, Integer page,
                String establishedBy) {
            this(name, value, notDocumented, documentId, page, establishedBy, 0, false);
        }
    }

    /** The item's established facts by name, in the order they were first established. */
    public Map<String, Fact> of(long caseId, int itemNo) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        jdbc.sql("""
                select f.fact_name, f.value_json, f.not_documented, f.document_id, f.page, f.established_by,
                    f.review_no, c.review_no
                from imr_item_fact f join imr_case c on c.id = f.case_id
                where f.case_id = ? and f.item_no = ? order by f.established_at, f.fact_name""")
                .params(caseId, itemNo)
                .query((rs, rowNum) -> new Fact(rs.getString(1), read(rs.getString(2)), rs.getBoolean(3),
                        (Long) rs.getObject(4, Long.class), (Integer) rs.getObject(5, Integer.class), rs.getString(6),
                        rs.getInt(7), rs.getInt(7) < rs.getInt(8)))
                .list().forEach(fact -> facts.put(fact.name(), fact));
        return facts;
    }

    /** Records the facts given under the case's current review, replacing what was established for them before. */
    void save(long caseId, int itemNo, List<Fact> facts) {
        Timestamp now = Timestamp.from(CaseClock.now());
        for (Fact fact : facts) {
            jdbc.sql("delete from imr_item_fact where case_id = ? and item_no = ? and fact_name = ?")
                    .params(caseId, itemNo, fact.name()).update();
            jdbc.sql("""
                    insert into imr_item_fact (case_id, item_no, fact_name, value_json, not_documented, document_id,
                        page, established_by, established_at, review_no)
                    select ?, ?, ?, ?, ?, ?, ?, ?, ?, review_no from imr_case where id = ?""")
                    .params(caseId, itemNo, fact.name(), write(fact.value()), fact.notDocumented(), fact.documentId(),
                            fact.page(), fact.establishedBy(), now, caseId)
                    .update();
        }
    }

    /** The item as established: each established value in place, a fact marked not documented removed. */
    public static DisputedItem applied(DisputedItem item, Map<String, Fact> established) {
        if (established.isEmpty()) {
            return item;
        }
        Map<String, Object> facts = new LinkedHashMap<>(item.facts());
        established.values().forEach(fact -> {
            if (fact.notDocumented() || fact.value() == null) {
                facts.remove(fact.name());
            } else {
                facts.put(fact.name(), fact.value());
            }
        });
        return new DisputedItem(facts);
    }

    private static String write(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value instanceof LocalDate day ? day.toString() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A fact's value is a JSON value", e);
        }
    }

    /** Values as the item holds them: numbers, booleans and codes as JSON gives them, dates as dates. */
    static Object read(String json) {
        if (json == null) {
            return null;
        }
        try {
            Object value = JSON.readValue(json, Object.class);
            if (value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text);
            }
            return value instanceof Long number && number == number.intValue() ? number.intValue() : value;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Established facts are stored as JSON", e);
        }
    }
}
