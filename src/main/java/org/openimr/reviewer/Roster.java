package org.openimr.reviewer;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openimr.reviewer.Reviewer.Affiliation;
import org.openimr.reviewer.Reviewer.Certification;
import org.openimr.reviewer.Reviewer.PartyType;
import org.openimr.system.CaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The reviewer roster tables. */
@Repository
public class Roster {

    private final JdbcClient jdbc;

    Roster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, String userId, String displayName, LocalDate clinicalPracticeSince,
            int activePracticeHours, int capacity, int openCases, boolean active) {
    }

    public List<Reviewer> all() {
        return load(jdbc.sql("""
                select id, user_id, display_name, clinical_practice_since, active_practice_hours, capacity,
                    open_cases, active from imr_reviewer order by id""").query(Row.class).list());
    }

    public Optional<Reviewer> byUserId(String userId) {
        return load(jdbc.sql("""
                select id, user_id, display_name, clinical_practice_since, active_practice_hours, capacity,
                    open_cases, active from imr_reviewer where user_id = ?""").param(userId).query(Row.class).list())
                .stream().findFirst();
    }

    public Optional<Reviewer> byId(long id) {
        return load(jdbc.sql("""
                select id, user_id, display_name, clinical_practice_since, active_practice_hours, capacity,
                    open_cases, active from imr_reviewer where id = ?""").param(id).query(Row.class).list())
                .stream().findFirst();
    }

    public long add(String userId, String displayName, LocalDate practiceSince, int hours, int capacity,
            List<Certification> specialties, List<String> licenceStates) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into imr_reviewer (user_id, display_name, clinical_practice_since, active_practice_hours,
                    capacity, open_cases, active) values (?, ?, ?, ?, ?, 0, true)""")
                .params(userId, displayName, practiceSince, hours, capacity).update(key, "id");
        long id = key.getKey().longValue();
        for (Certification certification : specialties) {
            jdbc.sql("insert into imr_reviewer_specialty (reviewer_id, specialty, board_certified) values (?, ?, ?)")
                    .params(id, certification.specialty().name(), certification.boardCertified()).update();
        }
        for (String state : new LinkedHashSet<>(licenceStates)) {
            jdbc.sql("insert into imr_reviewer_licence (reviewer_id, state) values (?, ?)").params(id, state).update();
        }
        return id;
    }

    public void declareAffiliation(long reviewerId, PartyType type, String partyName, String note) {
        jdbc.sql("""
                insert into imr_reviewer_affiliation (reviewer_id, party_type, party_name, note, declared_at)
                values (?, ?, ?, ?, ?)""")
                .params(reviewerId, type.name(), partyName, note, Timestamp.from(CaseClock.now())).update();
    }

    /** Takes one place of the reviewer's capacity; false when none is left (safe under concurrency). */
    boolean takePlace(long reviewerId) {
        return jdbc.sql("update imr_reviewer set open_cases = open_cases + 1 where id = ? and active = true "
                + "and open_cases < capacity").param(reviewerId).update() == 1;
    }

    /** Takes a place even beyond capacity: a supervisor's deliberate manual assignment. */
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

    private List<Reviewer> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Certification>> specialties = new HashMap<>();
        jdbc.sql("select reviewer_id, specialty, board_certified from imr_reviewer_specialty order by reviewer_id, specialty")
                .query((rs, n) -> specialties.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(new Certification(Specialty.valueOf(rs.getString(2)), rs.getBoolean(3))))
                .list();
        Map<Long, LinkedHashSet<String>> licences = new HashMap<>();
        jdbc.sql("select reviewer_id, state from imr_reviewer_licence order by reviewer_id, state")
                .query((rs, n) -> licences.computeIfAbsent(rs.getLong(1), id -> new LinkedHashSet<>()).add(rs.getString(2)))
                .list();
        Map<Long, List<Affiliation>> affiliations = new HashMap<>();
        jdbc.sql("select id, reviewer_id, party_type, party_name, note from imr_reviewer_affiliation order by id")
                .query((rs, n) -> affiliations.computeIfAbsent(rs.getLong(2), id -> new ArrayList<>())
                        .add(new Affiliation(rs.getLong(1), PartyType.valueOf(rs.getString(3)), rs.getString(4),
                                rs.getString(5))))
                .list();
        Map<Long, Reviewer> reviewers = new LinkedHashMap<>();
        for (Row row : rows) {
            reviewers.put(row.id(), new Reviewer(row.id(), row.userId(), row.displayName(), row.clinicalPracticeSince(),
                    row.activePracticeHours(), row.capacity(), row.openCases(), row.active(),
                    List.copyOf(specialties.getOrDefault(row.id(), new ArrayList<>())),
                    Set.copyOf(licences.getOrDefault(row.id(), new LinkedHashSet<>())),
                    List.copyOf(affiliations.getOrDefault(row.id(), new ArrayList<>()))));
        }
        return new ArrayList<>(reviewers.values());
    }
}
