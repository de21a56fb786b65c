package org.openimr.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openimr.system.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The texts people redacted by hand and released for publication, one per review of a case. */
@Repository
class Releases {

    /** What the export publishes of a determination's free text. */
    record ReleasedText(String clinicalSummary, List<ReleasedItem> items) {
    }

    record ReleasedItem(int itemNo, String treatment, String guideline, String rationale) {
    }

    record Release(ReleasedText text, String releasedBy, Instant releasedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    Releases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Release> of(long caseId, int reviewNo) {
        return jdbc.sql("""
                select released_text, released_by, released_at from imr_publication_release
                where case_id = ? and review_no = ?""").params(caseId, reviewNo)
                .query((rs, n) -> new Release(read(rs.getString(1)), rs.getString(2), Rows.instant(rs, "released_at")))
                .optional();
    }

    /** Records the release, replacing an earlier one of the same review. */
    void save(long caseId, int reviewNo, Release release) {
        jdbc.sql("delete from imr_publication_release where case_id = ? and review_no = ?").params(caseId, reviewNo)
                .update();
        jdbc.sql("""
                insert into imr_publication_release (case_id, review_no, released_text, released_by, released_at)
                values (?, ?, ?, ?, ?)""").params(caseId, reviewNo, write(release.text()), release.releasedBy(),
                Timestamp.from(release.releasedAt())).update();
    }

    private static ReleasedText read(String json) {
        try {
            return JSON.readValue(json, ReleasedText.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored release is JSON", e);
        }
    }

    private static String write(ReleasedText text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A release is written as JSON", e);
        }
    }
}
