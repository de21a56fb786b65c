package org.openimr.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openimr.system.CaseClock;
import org.openimr.system.Rows;
import org.openimr.system.VariableWrites;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Documents received for a case and the requests for them. A document is either stored (its file is
 * in the content store) or only described by intake: a metadata-only delivery of records on paper.
 */
@Repository
public class Documents {

    /**
     * A document received. {@code author} and {@code documentDate} (the date of service) may be
     * unknown; {@code sender} and {@code dateReceived} are unknown for documents described before
     * files were stored, and {@code content} is null for every document that is only described.
     */
    public record Document(long id, String title, String author, LocalDate documentDate, int pages,
            Instant receivedAt, String receivedBy, Sender sender, LocalDate dateReceived, String fileName,
            Content content) {

        /** Whether the file itself is on file, not only its description. */
        public boolean stored() {
            return content != null;
        }

        /** The document as a letter names it: its title, author and date of service, those that are known. */
        public String reference() {
            StringBuilder text = new StringBuilder(title);
            if (author != null) {
                text.append(", ").append(author);
            }
            if (documentDate != null) {
                text.append(", ").append(DAY.format(documentDate));
            }
            return text.toString();
        }
    }

    /** A stored file: its format, size and hash, and where its bytes are. */
    public record Content(long id, String mediaType, long sizeBytes, String sha256, String storageKey) {
    }

    public record RecordsRequest(long id, String kind, Instant requestedAt, Instant dueAt, String note,
            String requestedBy) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private static final String DOCUMENT_COLUMNS = """
            select d.id, d.title, d.author, d.document_date, d.pages, d.received_at, d.received_by, d.sender,
                d.date_received, d.file_name, d.content_id, c.media_type, c.size_bytes, c.sha256, c.storage_key
            from imr_document d left join imr_document_content c on c.id = d.content_id
            """;

    private static final RowMapper<Document> DOCUMENT_ROW = (rs, rowNum) -> {
        long contentId = rs.getLong("content_id");
        Content content = rs.wasNull() ? null : new Content(contentId, rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_key"));
        String sender = rs.getString("sender");
        return new Document(rs.getLong("id"), rs.getString("title"), rs.getString("author"),
                Rows.date(rs, "document_date"), rs.getInt("pages"), Rows.instant(rs, "received_at"),
                rs.getString("received_by"), sender == null ? null : Sender.valueOf(sender),
                Rows.date(rs, "date_received"), rs.getString("file_name"), content);
    };

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A document described only, without its file (the metadata-only records delivery). */
    void add(long caseId, String title, String author, LocalDate documentDate, int pages, Sender sender,
            String receivedBy) {
        jdbc.sql("""
                insert into imr_document (case_id, title, author, document_date, pages, received_at, received_by,
                    sender, date_received)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, title, author, documentDate, pages, Timestamp.from(CaseClock.now()), receivedBy,
                        sender == null ? null : sender.name(), CaseClock.today())
                .update();
    }

    /** The content row of a stored file; answers its id. */
    long addContent(long caseId, String sha256, String mediaType, long sizeBytes, int pages, String storageKey) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into imr_document_content (case_id, sha256, media_type, size_bytes, pages, storage_key,
                    stored_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, sha256, mediaType, sizeBytes, pages, storageKey, Timestamp.from(CaseClock.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** A document whose file is stored; answers its id. */
    long addStored(long caseId, long contentId, NewFile file, int pages, String receivedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into imr_document (case_id, content_id, title, author, document_date, pages, received_at,
                    received_by, sender, date_received, file_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, contentId, file.title(), file.author(), file.dateOfService(), pages,
                        Timestamp.from(CaseClock.now()), receivedBy, file.sender().name(), file.dateReceived(),
                        file.fileName())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * Moves a case's documents to another case (an application joined into it): a stored file the other
     * case holds already is shared, not stored twice. Answers how many documents moved.
     */
    int moveToCase(long fromCaseId, long intoCaseId) {
        jdbc.sql("""
                update imr_document set content_id = (select held.id from imr_document_content held
                        join imr_document_content own on own.sha256 = held.sha256
                        where own.id = imr_document.content_id and held.case_id = :into)
                where case_id = :from and content_id in (select own.id from imr_document_content own
                        join imr_document_content held on held.sha256 = own.sha256 and held.case_id = :into
                        where own.case_id = :from)""")
                .param("from", fromCaseId).param("into", intoCaseId).update();
        jdbc.sql("""
                update imr_document_content set case_id = :into where case_id = :from
                  and id in (select content_id from imr_document where case_id = :from)""")
                .param("from", fromCaseId).param("into", intoCaseId).update();
        return jdbc.sql("update imr_document set case_id = ? where case_id = ?").params(intoCaseId, fromCaseId).update();
    }

    /** The case's documents, by date of service (undated ones last), then in the order they arrived. */
    public List<Document> forCase(long caseId) {
        return jdbc.sql(DOCUMENT_COLUMNS + """
                where d.case_id = ?
                order by case when d.document_date is null then 1 else 0 end, d.document_date, d.id""")
                .param(caseId).query(DOCUMENT_ROW).list();
    }

    /** A document of the case; empty when there is none with that id, or it is another case's. */
    Optional<Document> find(long caseId, long documentId) {
        return jdbc.sql(DOCUMENT_COLUMNS + "where d.case_id = ? and d.id = ?")
                .params(caseId, documentId).query(DOCUMENT_ROW).optional();
    }

    /** The files stored for the case by their SHA-256, each with the document that brought it. */
    Map<String, Long> documentsByHash(long caseId) {
        Map<String, Long> byHash = new HashMap<>();
        jdbc.sql("""
                select c.sha256, min(d.id) from imr_document_content c join imr_document d on d.content_id = c.id
                where c.case_id = ? group by c.sha256""")
                .param(caseId).query((rs, rowNum) -> byHash.put(rs.getString(1), rs.getLong(2))).list();
        return byHash;
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
     * reviewer: each document with its sender and pages, a stored one linked to the case file where it
     * opens. It is a string variable, which the engine holds to 4,000 characters: a list longer than
     * that ends with how many more there are; the total always counts every document.
     */
    static String describe(String caseNumber, List<Document> documents) {
        int pages = documents.stream().mapToInt(Document::pages).sum();
        // The blank line ends the list, so the total is not read as part of the last document.
        String total = "\n" + count(documents.size(), "document") + ", " + count(pages, "page") + " in all";
        int room = VariableWrites.STRING_LIMIT - total.length() - "- and 99999 more documents\n".length();
        StringBuilder list = new StringBuilder();
        for (int shown = 0; shown < documents.size(); shown++) {
            String line = line(caseNumber, documents.get(shown));
            if (list.length() + line.length() > room) {
                list.append("- and ").append(count(documents.size() - shown, "more document")).append('\n');
                break;
            }
            list.append(line);
        }
        return list.append(total).toString();
    }

    private static String line(String caseNumber, Document document) {
        String reference = markdown(document.reference());
        StringBuilder line = new StringBuilder("- ");
        if (document.stored()) {
            line.append("<a href=\"").append(CaseFilePage.address(caseNumber, document.id()))
                    .append("\" target=\"_blank\" rel=\"noopener\">").append(reference).append("</a>");
        } else {
            line.append(reference);
        }
        if (document.sender() != null) {
            line.append(", from ").append(document.sender().words());
        }
        line.append(" (").append(count(document.pages(), "page"));
        if (!document.stored()) {
            line.append(", described only: no file");
        }
        return line.append(")\n").toString();
    }

    /** Text shown as itself in a form's Markdown: no tag, link or emphasis of a sender's making. */
    static String markdown(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '~', '{', '}' -> escaped.append('\\').append(c);
                case '\n', '\r' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
