package org.openimr.letter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openimr.system.CaseClock;
import org.openimr.system.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Letters and their recipients; every version is kept. */
@Repository
class LetterStore {

    enum Status { DRAFT, RETURNED, APPROVED, ISSUED, SUPERSEDED }

    record Recipient(String role, String name, String delivery) {
    }

    private static final List<String> DISTRIBUTION_ORDER = List.of("EMPLOYEE", "REPRESENTATIVE",
            "REQUESTING_PHYSICIAN", "CLAIMS_ADMINISTRATOR", "EMPLOYER");

    private static final String COLUMNS = "id, case_id, kind, version, status, created_at, created_by, review_note";

    private static final RowMapper<StoredLetter> LETTER_ROW = (rs, rowNum) -> new StoredLetter(rs.getLong("id"),
            rs.getLong("case_id"), rs.getString("kind"), rs.getInt("version"), rs.getString("status"),
            Rows.instant(rs, "created_at"), rs.getString("created_by"), rs.getString("review_note"));

    private final JdbcClient jdbc;

    LetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the next version of a letter: one statement numbers and stores it. */
    StoredLetter add(long caseId, LetterKind kind, Status status, byte[] pdf, String createdBy) {
        Instant createdAt = CaseClock.now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into imr_letter (case_id, kind, version, status, pdf, created_at, created_by)
                select ?, ?, coalesce(max(version), 0) + 1, ?, ?, ?, ? from imr_letter where case_id = ? and kind = ?""")
                .params(caseId, kind.name(), status.name(), pdf, Timestamp.from(createdAt), createdBy, caseId, kind.name())
                .update(key, "id", "version");
        Map<String, Object> keys = key.getKeys();  // names matched ignoring case: H2 gives ID, PostgreSQL id
        return new StoredLetter(((Number) keys.get("id")).longValue(), caseId, kind.name(),
                ((Number) keys.get("version")).intValue(), status.name(), createdAt, createdBy, null);
    }

    Optional<StoredLetter> latest(long caseId, LetterKind kind) {
        return jdbc.sql("select " + COLUMNS + " from imr_letter where case_id = ? and kind = ? order by version desc limit 1")
                .params(caseId, kind.name()).query(LETTER_ROW).optional();
    }

    Optional<StoredLetter> version(long caseId, LetterKind kind, int version) {
        return jdbc.sql("select " + COLUMNS + " from imr_letter where case_id = ? and kind = ? and version = ?")
                .params(caseId, kind.name(), version).query(LETTER_ROW).optional();
    }

    List<StoredLetter> all(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from imr_letter where case_id = ? order by kind, version")
                .param(caseId).query(LETTER_ROW).list();
    }

    byte[] pdf(long letterId) {
        return jdbc.sql("select pdf from imr_letter where id = ?").param(letterId).query(byte[].class).single();
    }

    /** The letter's text if it was extracted before (LetterService.text). */
    Optional<String> text(long letterId) {
        return jdbc.sql("select text_content from imr_letter where id = ?").param(letterId)
                .query((row, number) -> row.getString(1)).list().stream().filter(Objects::nonNull).findFirst();
    }

    void keepText(long letterId, String text) {
        jdbc.sql("update imr_letter set text_content = ? where id = ?").params(text, letterId).update();
    }

    void review(long letterId, Status status, String note) {
        jdbc.sql("update imr_letter set status = ?, review_note = ? where id = ?").params(status.name(), note, letterId)
                .update();
    }

    /** The case's issued versions of a kind before {@code version} become superseded by it; a second call changes nothing. */
    void supersede(long caseId, LetterKind kind, int version) {
        jdbc.sql("""
                update imr_letter set status = 'SUPERSEDED', superseded_by_version = ?
                where case_id = ? and kind = ? and status = 'ISSUED' and version < ?""")
                .params(version, caseId, kind.name(), version)
                .update();
    }

    Optional<Integer> supersededBy(long letterId) {
        return jdbc.sql("select superseded_by_version from imr_letter where id = ?").param(letterId)
                .query((row, n) -> (Integer) row.getObject(1, Integer.class)).list().stream().filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * Records the recipients of a letter, each once: issuing again after a crash adds none twice. One
     * statement for the whole distribution list.
     */
    void addRecipients(long letterId, List<Recipient> recipients, Instant issuedAt) {
        if (recipients.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(issuedAt)));
        for (Recipient recipient : recipients) {
            params.addAll(Arrays.asList(recipient.role(), recipient.name(), recipient.delivery()));
        }
        params.add(letterId);
        jdbc.sql("""
                insert into imr_letter_recipient (letter_id, recipient_role, name, delivery, issued_at)
                select l.id, r.recipient_role, r.name, r.delivery, ? from imr_letter l
                cross join (values %s) as r (recipient_role, name, delivery)
                where l.id = ? and not exists (select 1 from imr_letter_recipient issued
                    where issued.letter_id = l.id and issued.recipient_role = r.recipient_role)"""
                        .formatted(String.join(", ", Collections.nCopies(recipients.size(), "(?, ?, ?)"))))
                .params(params)
                .update();
    }

    /** The recipients a letter was issued to, in the order of the distribution list. */
    List<LetterService.IssuedCopy> recipients(long letterId) {
        return jdbc.sql("""
                select recipient_role as role, name, delivery, issued_at from imr_letter_recipient
                where letter_id = ?""")
                .param(letterId).query(LetterService.IssuedCopy.class).list().stream()
                .sorted(Comparator.comparingInt(recipient -> DISTRIBUTION_ORDER.indexOf(recipient.role())))
                .toList();
    }
}
