package org.openimr.reviewer;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openimr.reviewer.Reviewer.Affiliation;
import org.openimr.reviewer.Reviewer.Certification;
import org.openimr.reviewer.Reviewer.PartyType;
import org.openimr.system.CaseClock;
import org.openimr.system.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The reviewer roster tables. */
@Repository
public class Roster {

    /** What a supervisor states about a reviewer; in a change, null leaves a field as it is. */
    record Profile(String displayName, LocalDate clinicalPracticeSince, Integer activePracticeHours, Integer capacity,
            List<Certification> specialties, List<String> licenceStates) {
    }

    private static final String COLUMNS = """
            id, user_id, display_name, clinical_practice_since, active_practice_hours, capacity, open_cases, active""";

    private final JdbcClient jdbc;

    Roster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, String userId, String displayName, LocalDate clinicalPracticeSince,
            int activePracticeHours, int capacity, int openCases, boolean active) {
    }

    private static final RowMapper<Row> ROW = (rs, rowNum) -> new Row(rs.getLong("id"), rs.getString("user_id"),
            rs.getString("display_name"), Rows.date(rs, "clinical_practice_since"), rs.getInt("active_practice_hours"),
            rs.getInt("capacity"), rs.getInt("open_cases"), rs.getBoolean("active"));

    public List<Reviewer> all() {
        return load(jdbc.sql("select " + COLUMNS + " from imr_reviewer order by id").query(ROW).list(), true);
    }

    public Optional<Reviewer> byUserId(String userId) {
        return load(jdbc.sql("select " + COLUMNS + " from imr_reviewer where user_id = ?").param(userId)
                .query(ROW).list(), false).stream().findFirst();
    }

    public Optional<Reviewer> byId(long id) {
        return load(jdbc.sql("select " + COLUMNS + " from imr_reviewer where id = ?").param(id)
                .query(ROW).list(), false).stream().findFirst();
    }

    long add(String userId, Profile profile) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into imr_reviewer (user_id, display_name, clinical_practice_since, active_practice_hours,
                    capacity, open_cases, active) values (?, ?, ?, ?, ?, 0, true)""")
                .params(userId, profile.displayName(), profile.clinicalPracticeSince(), profile.activePracticeHours(),
                        profile.capacity())
                .update(key, "id");
        long id = key.getKey().longValue();
        replaceSpecialties(id, profile.specialties());
        replaceLicences(id, profile.licenceStates());
        return id;
    }

    void change(long id, Profile change) {
        jdbc.sql("""
                update imr_reviewer set display_name = coalesce(:name, display_name),
                    clinical_practice_since = coalesce(:since, clinical_practice_since),
                    active_practice_hours = coalesce(:hours, active_practice_hours),
                    capacity = coalesce(:capacity, capacity)
                where id = :id""")
                .param("name", change.displayName())
                .param("since", change.clinicalPracticeSince())
                .param("hours", change.activePracticeHours())
                .param("capacity", change.capacity())
                .param("id", id)
                .update();
        if (change.specialties() != null) {
            jdbc.sql("delete from imr_reviewer_specialty where reviewer_id = ?").param(id).update();
            replaceSpecialties(id, change.specialties());
        }
        if (change.licenceStates() != null) {
            jdbc.sql("delete from imr_reviewer_licence where reviewer_id = ?").param(id).update();
            replaceLicences(id, change.licenceStates());
        }
    }

    void setActive(long id, boolean active) {
        jdbc.sql("update imr_reviewer set active = ? where id = ?").params(active, id).update();
    }

    long declareAffiliation(long reviewerId, PartyType type, String partyName, String note, String declaredBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into imr_reviewer_affiliation (reviewer_id, party_type, party_name, note, declared_at, declared_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(reviewerId, type.name(), partyName, note, Timestamp.from(CaseClock.now()), declaredBy)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * Takes one place of the reviewer's capacity; false when none is left. One conditional UPDATE:
     * the row lock makes a concurrent selection wait and then re-check the condition, so no two
     * selections can both take the last place.
     */
    boolean takePlace(long reviewerId) {
        return jdbc.sql("update imr_reviewer set open_cases = open_cases + 1 where id = ? and active = true "
                + "and open_cases < capacity").param(reviewerId).update() == 1;
    }

    /** Takes a place even beyond capacity: a supervisor's deliberate choice, recorded with the assignment. */
    void takePlaceBeyondCapacity(long reviewerId) {
        jdbc.sql("update imr_reviewer set open_cases = open_cases + 1 where id = ?").param(reviewerId).update();
    }

    void releasePlace(long reviewerId) {
        jdbc.sql("update imr_reviewer set open_cases = open_cases - 1 where id = ? and open_cases > 0")
                .param(reviewerId).update();
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from imr_reviewer").query(Integer.class).single() == 0;
    }

    private void replaceSpecialties(long id, List<Certification> specialties) {
        for (Certification certification : specialties) {
            jdbc.sql("insert into imr_reviewer_specialty (reviewer_id, specialty, board_certified) values (?, ?, ?)")
                    .params(id, certification.specialty().name(), certification.boardCertified()).update();
        }
    }

    private void replaceLicences(long id, List<String> licenceStates) {
        for (String state : new LinkedHashSet<>(licenceStates)) {
            jdbc.sql("insert into imr_reviewer_licence (reviewer_id, state) values (?, ?)").params(id, state).update();
        }
    }

    /**
     * The reviewers of the rows with their specialties, licences and declared ties. For the whole roster
     * these are read without naming the reviewers: every selection reads the roster, and a list of
     * every reviewer's id bound in each of the three reads would be planned anew at every call.
     */
    private List<Reviewer> load(List<Row> rows, boolean wholeRoster) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String ofTheRows = wholeRoster ? "" : " where reviewer_id in (:ids)";
        Map<String, Object> ids = wholeRoster ? Map.of() : Map.of("ids", rows.stream().map(Row::id).toList());
        Map<Long, List<Certification>> specialties = new HashMap<>();
        jdbc.sql("select reviewer_id, specialty, board_certified from imr_reviewer_specialty" + ofTheRows
                        + " order by reviewer_id, specialty")
                .params(ids)
                .query((rs, n) -> specialties.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(new Certification(Specialty.valueOf(rs.getString(2)), rs.getBoolean(3))))
                .list();
        Map<Long, Set<String>> licences = new HashMap<>();
        jdbc.sql("select reviewer_id, state from imr_reviewer_licence" + ofTheRows + " order by reviewer_id, state")
                .params(ids)
                .query((rs, n) -> licences.computeIfAbsent(rs.getLong(1), id -> new LinkedHashSet<>()).add(rs.getString(2)))
                .list();
        Map<Long, List<Affiliation>> affiliations = new HashMap<>();
        jdbc.sql("select id, reviewer_id, party_type, party_name, note, declared_at, declared_by "
                        + "from imr_reviewer_affiliation" + ofTheRows + " order by id")
                .params(ids)
                .query((rs, n) -> affiliations.computeIfAbsent(rs.getLong(2), id -> new ArrayList<>())
                        .add(new Affiliation(rs.getLong(1), PartyType.valueOf(rs.getString(3)), rs.getString(4),
                                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7))))
                .list();
        return rows.stream().map(row -> new Reviewer(row.id(), row.userId(), row.displayName(),
                        row.clinicalPracticeSince(), row.activePracticeHours(), row.capacity(), row.openCases(),
                        row.active(), List.copyOf(specialties.getOrDefault(row.id(), List.of())),
                        Set.copyOf(licences.getOrDefault(row.id(), Set.of())),
                        List.copyOf(affiliations.getOrDefault(row.id(), List.of()))))
                .toList();
    }
}
