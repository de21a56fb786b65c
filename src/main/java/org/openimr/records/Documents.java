package org.openimr.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openimr.system.CaseClock;
import org.openimr.system.Rows;
import org.openimr.system.VariableWrites;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documents received for a case and the requests for them. */
@Repository
public class Documents {

    public record Document(long id, String title, String author, LocalDate documentDate, int pages,
            Instant receivedAt, String receivedBy) {
    }

    private static final RowMapper<Document> DOCUMENT_ROW = (rs, rowNum) -> new Document(rs.getLong("id"),
            rs.getString("title"), rs.getString("author"), Rows.date(rs, "document_date"), rs.getInt("pages"),
            Rows.instant(rs, "received_at"), rs.getString("received_by"));

    public record RecordsRequest(long id, String kind, Instant requestedAt, Instant dueAt, String note,
            String requestedBy) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

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
                .param(caseId).query(DOCUMENT_ROW).list();
    }

    public void request(long caseId, String kind, Instant dueAt, String note, String requestedBy) {
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

    /**
     * What arrived, as a Markdown list with a total under it, for the forms of the intake staff and the
     * reviewer. It is a string variable, which the engine holds to 4,000 characters: a list longer than
     * that (up to 200 documents a delivery, deliveries adding up) ends with how many more there are; the
     * total always counts every document.
     */
    static String describe(List<Document> documents) {
        int pages = documents.stream().mapToInt(Document::pages).sum();
        // The blank line ends the list, so the total is not read as part of the last document.
        String total = "\n" + count(documents.size(), "document") + ", " + count(pages, "page") + " in all";
        int room = VariableWrites.STRING_LIMIT - total.length() - "- and 99999 more documents\n".length();
        StringBuilder list = new StringBuilder();
        for (int shown = 0; shown < documents.size(); shown++) {
            Document document = documents.get(shown);
            String line = "- " + document.title() + ", " + document.author() + ", " + DAY.format(document.documentDate())
                    + " (" + count(document.pages(), "page") + ")\n";
            if (list.length() + line.length() > room) {
                list.append("- and ").append(count(documents.size() - shown, "more document")).append('\n');
                break;
            }
            list.append(line);
        }
        return list.append(total).toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
