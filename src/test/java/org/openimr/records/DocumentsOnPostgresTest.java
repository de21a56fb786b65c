package org.openimr.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openimr.CaseDriver;
import org.openimr.EmbeddedPostgres;
import org.openimr.TestApplications;
import org.openimr.reviewer.CaseReviewers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Medical records delivered as files on a real PostgreSQL, through the HTTP API: a 300-page PDF and a
 * 20-page fax TIFF are stored with the pages counted from them and their SHA-256, sent again they are
 * found on file and not stored twice; the case's forms and letter list what is stored; every page
 * viewed and every download is recorded for the supervisor; only the people on the case may read the
 * documents, and a reviewer's access ends with reassignment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DocumentsOnPostgresTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Test
    void aLongPdfAndAFaxAreStoredWithTheirPagesAndHashesAndSentAgainAreFoundOnFile() throws Exception {
        String caseNumber = newCase();
        byte[] report = TestDocuments.pdf(300, "case " + caseNumber);
        byte[] fax = TestDocuments.tiff(20, "case " + caseNumber);

        DeliveryClient.Answer first = deliveries("intake1").deliver(caseNumber, List.of(
                DeliveryClient.Sent.of("progress-report.pdf", report, "Progress report (PR-2)"),
                DeliveryClient.Sent.of("fax.pdf", fax, "Utilization review file")));

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        JsonNode stored = first.body().get("files");
        assertThat(stored.get(0).get("outcome").asText()).isEqualTo("STORED");
        assertThat(stored.get(0).get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(stored.get(0).get("pages").asInt()).isEqualTo(300);
        assertThat(stored.get(0).get("sha256").asText()).isEqualTo(sha256(report));
        // Named .pdf and sent as application/pdf, the fax is a TIFF by its content.
        assertThat(stored.get(1).get("mediaType").asText()).isEqualTo("image/tiff");
        assertThat(stored.get(1).get("pages").asInt()).isEqualTo(20);
        assertThat(stored.get(1).get("sha256").asText()).isEqualTo(sha256(fax));
        assertThat(first.body().get("pagesOnFile").asInt()).isEqualTo(320);

        long contentRows = contentRows(caseNumber);
        DeliveryClient.Answer again = deliveries("intake1").deliver(caseNumber, List.of(
                DeliveryClient.Sent.of("same-report-again.pdf", report, "Progress report, second copy")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().at("/files/0/outcome").asText()).isEqualTo("ALREADY_ON_FILE");
        assertThat(again.body().at("/files/0/documentId").asLong()).isEqualTo(stored.get(0).get("documentId").asLong());
        assertThat(contentRows(caseNumber)).isEqualTo(contentRows);
        assertThat(again.body().get("documentsOnFile").asInt()).isEqualTo(2);

        // What is stored is what was sent, whole and by range.
        long reportId = stored.get(0).get("documentId").asLong();
        byte[] downloaded = as("supervisor1").get().uri("/api/cases/{n}/documents/{d}/content", caseNumber, reportId)
                .retrieve().body(byte[].class);
        assertThat(sha256(downloaded)).isEqualTo(sha256(report));
        // Across the store's first chunk boundary where the file is that long, else its last bytes.
        int from = Math.min(DatabaseContentStore.CHUNK_SIZE - 6, report.length - 31);
        ResponseEntity<byte[]> range = as("supervisor1").get()
                .uri("/api/cases/{n}/documents/{d}/content", caseNumber, reportId)
                .header(HttpHeaders.RANGE, "bytes=" + from + "-" + (from + 30)).retrieve().toEntity(byte[].class);
        assertThat(range.getStatusCode().value()).isEqualTo(206);
        assertThat(range.getBody()).isEqualTo(java.util.Arrays.copyOfRange(report, from, from + 31));

        // The case took the delivery as the records it waited for; the completeness check lists them.
        CaseDriver cases = new CaseDriver(context);
        String listed = (String) cases.variable(caseNumber, "receivedDocuments");
        assertThat(listed).contains("Progress report \\(PR-2\\), Dr. Test Physician, April 12, 2024</a>, from the "
                + "claims administrator (300 pages)", "2 documents, 320 pages in all",
                "/case-file.html?case=" + caseNumber + "&document=" + reportId);
        assertThat(cases.variable(caseNumber, "pagesReceived")).isEqualTo(320);
        assertThat(cases.tasks(caseNumber, "CheckRecordsCompletenessTask")).hasSize(1);
    }

    @Test
    void onlyThePeopleOnTheCaseReadItsDocumentsEachViewIsRecordedAndTheLetterListsThem() throws Exception {
        String caseNumber = newCase();
        JsonNode delivered = deliveries("intake1").deliver(caseNumber, List.of(
                DeliveryClient.Sent.of("report.pdf", TestDocuments.pdf(3, caseNumber), "Progress report (PR-2)"),
                DeliveryClient.Sent.of("fax.tif", TestDocuments.tiff(2, caseNumber), "Physical therapy notes"))).body();
        long pdfId = delivered.at("/files/0/documentId").asLong();
        long faxId = delivered.at("/files/1/documentId").asLong();
        CaseDriver cases = new CaseDriver(context);
        cases.recordsComplete(caseNumber);
        String reviewer = cases.task(caseNumber, "WriteClinicalSummaryTask").getAssignee();

        // The assigned reviewer pages through the fax and the PDF, and downloads the PDF.
        ResponseEntity<byte[]> page = as(reviewer).get().uri("/api/cases/{n}/documents/{d}/pages/2", caseNumber, faxId)
                .retrieve().toEntity(byte[].class);
        assertThat(page.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(page.getBody())).getWidth())
                .isEqualTo(1728);
        as(reviewer).post().uri("/api/cases/{n}/documents/{d}/views", caseNumber, pdfId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("page", 3)).retrieve().toBodilessEntity();
        as(reviewer).get().uri("/api/cases/{n}/documents/{d}/content", caseNumber, pdfId).retrieve().body(byte[].class);

        JsonNode accesses = as("supervisor1").get().uri("/api/cases/{n}/documents/accesses", caseNumber).retrieve()
                .body(JsonNode.class);
        assertThat(accesses).hasSize(3);
        assertThat(accesses.findValuesAsText("user")).containsOnly(reviewer);
        assertThat(accesses.findValuesAsText("kind")).containsExactly("DOWNLOAD", "VIEW", "VIEW");
        assertThat(accesses.get(1).get("documentId").asLong()).isEqualTo(pdfId);
        assertThat(accesses.get(1).get("page").asInt()).isEqualTo(3);
        assertThat(accesses.get(2).get("title").asText()).isEqualTo("Physical therapy notes");
        assertThat(accesses.get(2).get("page").asInt()).isEqualTo(2);
        assertThat(status(reviewer, "/api/cases/{n}/documents/accesses", caseNumber)).isEqualTo(403);

        // Nobody else: another reviewer, an analyst; nor a document of this case asked for through another case.
        String other = List.of("reviewer1", "reviewer2", "reviewer7", "reviewer8").stream()
                .filter(r -> !r.equals(reviewer)).findFirst().orElseThrow();
        for (String path : List.of("/api/cases/{n}/documents", "/api/cases/{n}/documents/" + pdfId + "/content",
                "/api/cases/{n}/documents/" + faxId + "/pages/1")) {
            assertThat(status(other, path, caseNumber)).as(other + " " + path).isEqualTo(403);
            assertThat(status("analyst1", path, caseNumber)).as("analyst1 " + path).isEqualTo(403);
        }
        String otherCase = newCase();
        assertThat(status("supervisor1", "/api/cases/{n}/documents/" + pdfId + "/content", otherCase)).isEqualTo(404);

        // Reassigned, the first reviewer reads nothing more of the case; the new one does.
        context.getBean(CaseReviewers.class).reassign(caseNumber, other, "Test: reviewer ill", "supervisor1");
        assertThat(status(reviewer, "/api/cases/{n}/documents/" + faxId + "/pages/1", caseNumber)).isEqualTo(403);
        assertThat(status(reviewer, "/api/cases/{n}/documents", caseNumber)).isEqualTo(403);
        assertThat(status(other, "/api/cases/{n}/documents/" + faxId + "/pages/1", caseNumber)).isEqualTo(200);

        // The letter's DOCUMENTS REVIEWED are the stored documents.
        cases.complete(caseNumber, "WriteClinicalSummaryTask", Map.of("pagesReviewed", 5,
                "clinicalSummary", "The claimant was described as a 44-year-old man injured in 2012."));
        cases.decideAllItems(caseNumber, "UPHELD");
        byte[] letter = as("supervisor1").get().uri("/api/cases/{n}/letter", caseNumber).retrieve().body(byte[].class);
        try (PDDocument pdf = Loader.loadPDF(letter)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("DOCUMENTS REVIEWED",
                    "Progress report (PR-2), Dr. Test Physician, April 12, 2024 (3 pages)",
                    "Physical therapy notes, Dr. Test Physician, April 12, 2024 (2 pages)");
        }
    }

    private String newCase() {
        return as("intake1").post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .body(TestApplications.json(TestApplications.seedCase())).retrieve().body(JsonNode.class)
                .get("caseNumber").asText();
    }

    private long contentRows(String caseNumber) {
        return jdbc.sql("""
                select count(*) from imr_content_chunk k join imr_document_content c on c.storage_key = k.storage_key
                join imr_case s on s.id = c.case_id where s.case_number = ?""")
                .param(caseNumber).query(Long.class).single();
    }

    private int status(String user, String path, String caseNumber) {
        return as(user).get().uri(path, caseNumber).exchange((request, response) -> response.getStatusCode().value());
    }

    private DeliveryClient deliveries(String user) {
        return new DeliveryClient(as(user));
    }

    private RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, "demo")).build();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
