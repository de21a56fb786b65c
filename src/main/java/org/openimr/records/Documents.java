package org.openimr.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openimr.system.CaseClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documents received for a case and the requests for them. */
@Repository
public class Documents {

    public record Document(long id, String title, String author, LocalDate documentDate, int pages,
            Instant receivedAt, String receivedBy) {
    }

    public record RecordsRequest(long id, String kind, Instant requestedAt, Instant dueAt, String note,
            String requestedBy) {
    }

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long caseId, String title, String author, LocalDate documentDate, int pages, String receivedBy) {
        jdbc.sql("""
                insert into imr_document (case_id, title, author, document_date, pages, received_at, received_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, title, author, documentDate, pages, Timestamp.from(CaseClock.now()), receivedBy)
                .update();
    }

    public List<Document> forCase(long caseId) {
        return jdbc.sql("""
                select id, title, author, document_date, pages, received_at, received_by
                from imr_document where case_id = ? order by document_date, id""")
                .param(caseId).query(Document.class).list();
    }

    void request(long caseId, String kind, Instant dueAt, String note, String requestedBy) {
        jdbc.sql("""
                insert into imr_records_request (case_id, kind, requested_at, due_at, note, requested_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, kind, Timestamp.from(CaseClock.now()), dueAt == null ? null : Timestamp.from(dueAt),
                        note, requestedBy)
                .update();
    }

    public List<RecordsRequest> requests(long caseId) {
        return jdbc.sql("""
                select id, kind, requested_at, due_at, note, requested_by
                from imr_records_request where case_id = ? order by requested_at, id""")
                .param(caseId).query(RecordsRequest.class).list();
    }

    /** A plain list of what arrived, for the completeness check form. */
    static String describe(List<Document> documents) {
        StringBuilder text = new StringBuilder();
        int pages = 0;
        for (Document document : documents) {
            text.append("- ").append(document.title()).append(", ").append(document.author()).append(", ")
                    .append(document.documentDate()).append(" (").append(document.pages()).append(" pages)\n");
            pages += document.pages();
        }
        text.append(documents.size()).append(" documents, ").append(pages).append(" pages in all");
        return text.toString();
    }
}
