package org.openimr.records;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openimr.system.CaseClock;
import org.openimr.system.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who looked at a case's documents: every page shown in the viewer and every download, with who and
 * when, for the accounting of disclosures a supervisor reads per case. The bytes the viewer fetches to
 * show a PDF are recorded as a read, once an hour for a person and document, so that no content
 * leaves the server without a row and a paged-through document does not drown the record in rows.
 */
@Repository
class DocumentAccessLog {

    enum Kind { VIEW, DOWNLOAD, READ }

    record Access(Instant at, String user, long documentId, String title, Kind kind, Integer page) {
    }

    private static final Duration READ_RECORDED_FOR = Duration.ofHours(1);

    private static final RowMapper<Access> ACCESS_ROW = (rs, rowNum) -> {
        int page = rs.getInt("page");
        return new Access(Rows.instant(rs, "accessed_at"), rs.getString("accessed_by"), rs.getLong("document_id"),
                rs.getString("title"), Kind.valueOf(rs.getString("kind")), rs.wasNull() ? null : page);
    };

    private final JdbcClient jdbc;

    DocumentAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long caseId, long documentId, Kind kind, Integer page, String user) {
        Instant now = CaseClock.now();
        if (kind == Kind.READ && jdbc.sql("""
                select count(*) from imr_document_access
                where document_id = ? and accessed_by = ? and kind = 'READ' and accessed_at > ?""")
                .params(documentId, user, Timestamp.from(now.minus(READ_RECORDED_FOR))).query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                insert into imr_document_access (case_id, document_id, kind, page, accessed_at, accessed_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, documentId, kind.name(), page, Timestamp.from(now), user)
                .update();
    }

    /** The case's accesses, latest first. */
    List<Access> forCase(long caseId) {
        return jdbc.sql("""
                select a.accessed_at, a.accessed_by, a.document_id, d.title, a.kind, a.page
                from imr_document_access a join imr_document d on d.id = a.document_id
                where a.case_id = ? order by a.accessed_at desc, a.id desc""")
                .param(caseId).query(ACCESS_ROW).list();
    }
}
