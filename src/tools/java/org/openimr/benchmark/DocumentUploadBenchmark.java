package org.openimr.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.openimr.ImrCaseManagementApplication;
import org.openimr.TestApplications;
import org.openimr.load.DurablePostgres;
import org.openimr.records.TestDocuments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The records load (docs/benchmark.md, "Medical records"): the application in this JVM on a durable
 * PostgreSQL, eight scanned records of about 100 MB each (300 pages of page pictures) delivered at
 * once, each to its own case, over HTTP. Prints the heap's peak during the deliveries, the throughput,
 * the database's growth, and the time to the first page of a 300-page typed PDF as the viewer gets it: the
 * list of the case's documents, then only the byte ranges page 1 needs (64 KB at a time, as pdf.js
 * asks for them), parsed trusting the file's cross-reference table and drawn (PDFBox here, at 96 dpi). Run with the heap the goal allows:
 * {@code mvn -B -Pdocument-load test-compile exec:exec} (-Xmx1g).
 * <p>
 * Options: --files 8, --megabytes 100, --pages 300, --work-dir target/document-load.
 */
public final class DocumentUploadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "imr-load-boundary-7c1f";
    private static final int RANGE_CHUNK = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    private DocumentUploadBenchmark(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int files = Integer.parseInt(options.getOrDefault("files", "8"));
        long bytes = Long.parseLong(options.getOrDefault("megabytes", "100")) * 1_000_000L;
        int pages = Integer.parseInt(options.getOrDefault("pages", "300"));
        Path work = Files.createDirectories(Path.of(options.getOrDefault("work-dir", "target/document-load")));

        System.out.printf(Locale.US, "== records load: %d files of %d MB (%d pages each), heap limit %d MB%n", files,
                bytes / 1_000_000, pages, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        List<Path> scans = scans(work, files, bytes, pages);
        Path typed = work.resolve("typed-report.pdf");
        Files.write(typed, TestDocuments.pdf(pages, "typed report"));

        try (DurablePostgres postgres = DurablePostgres.start(work.resolve("postgres"), freePort(),
                work.resolve("postgres.log"))) {
            ConfigurableApplicationContext app = new SpringApplicationBuilder(ImrCaseManagementApplication.class).run(
                    "--spring.datasource.url=" + postgres.jdbcUrl("postgres"), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres", "--server.port=0", "--server.address=127.0.0.1",
                    "--logging.level.root=warn");
            try {
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                new DocumentUploadBenchmark(port).run(postgres, scans, typed);
            } finally {
                app.close();
            }
        }
    }

    private void run(DurablePostgres postgres, List<Path> scans, Path typed) throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i <= scans.size(); i++) {
            cases.add(newCase());
        }
        long databaseBefore = databaseBytes(postgres);
        HeapPeak heap = new HeapPeak();
        long totalBytes = 0;
        for (Path scan : scans) {
            totalBytes += Files.size(scan);
        }
        ExecutorService senders = Executors.newFixedThreadPool(scans.size());
        long started = System.nanoTime();
        List<Future<JsonNode>> answers = new ArrayList<>();
        try {
            heap.start();
            for (int i = 0; i < scans.size(); i++) {
                String caseNumber = cases.get(i);
                Path scan = scans.get(i);
                answers.add(senders.submit(() -> deliver(caseNumber, scan)));
            }
            for (Future<JsonNode> answer : answers) {
                JsonNode receipt = answer.get();
                if (!"STORED".equals(receipt.at("/files/0/outcome").asText())) {
                    throw new IllegalStateException("A delivery was not stored: " + receipt);
                }
            }
        } finally {
            senders.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        heap.stop();
        long databaseGrowth = databaseBytes(postgres) - databaseBefore;
        System.out.printf(Locale.US, "deliveries: %d files, %.0f MB in %.1f s at once: %.1f MB/s%n", scans.size(),
                totalBytes / 1e6, seconds, totalBytes / 1e6 / seconds);
        System.out.printf(Locale.US, "peak heap during the deliveries: %d MB sampled every 10 ms, %d MB by the heap "
                + "pools' own peaks (goal: at most 1024 MB; limit %d MB)%n", heap.sampledPeak() / (1024 * 1024),
                heap.poolPeaks() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf(Locale.US, "database growth: %.0f MB for %.0f MB of files (%.2f bytes a byte)%n",
                databaseGrowth / 1e6, totalBytes / 1e6, databaseGrowth / (double) totalBytes);

        JsonNode typedReceipt = deliver(cases.get(scans.size()), typed);
        // A typed report only: PDFBox, standing in for pdf.js, resolves every page object when it loads a file,
        // which in a scan means a range for each page picture's neighbourhood; pdf.js reads only page 1's.
        firstPage("300-page typed PDF (" + Files.size(typed) / 1000 + " KB)", cases.get(scans.size()),
                typedReceipt.at("/files/0/documentId").asLong());
    }

    /** Opens the document as the viewer does and draws page 1; prints the median and worst of five. */
    private void firstPage(String what, String caseNumber, long documentId) throws Exception {
        List<Long> millis = new ArrayList<>();
        RangeReader last = null;
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            JsonNode list = JSON.readTree(get("/api/cases/" + caseNumber + "/documents"));
            long size = 0;
            for (JsonNode document : list.get("documents")) {
                if (document.get("id").asLong() == documentId) {
                    size = document.get("bytes").asLong();
                }
            }
            last = new RangeReader(this, "/api/cases/" + caseNumber + "/documents/" + documentId + "/content", size);
            // Trusting the file's cross-reference table as pdf.js does: PDFBox's lenient mode would first visit
            // every object the table names, fetching a range for each.
            try (PDDocument pdf = new PDFParser(last) {
                {
                    setLenient(false);
                }
            }.parse()) {
                new PDFRenderer(pdf).renderImageWithDPI(0, 96);
            }
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.printf(Locale.US, "time to first page, %s: median %d ms, worst %d ms of 5 (%d ranges, %d KB fetched)%n",
                what, millis.get(2), millis.get(4), last.requests.get(), last.fetched.get() / 1024);
    }

    private JsonNode deliver(String caseNumber, Path file) throws IOException, InterruptedException {
        String metadata = JSON.writeValueAsString(Map.of("documents", List.of(Map.of("sender", "CLAIMS_ADMINISTRATOR",
                "dateReceived", "2024-05-02", "title", "Scanned medical records", "author", "Load test clinic"))));
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"" + file.getFileName() + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + BOUNDARY + "--\r\n";
        HttpRequest request = request("/api/cases/" + caseNumber + "/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.UTF_8))))
                .timeout(Duration.ofMinutes(10)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Delivery answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private String newCase() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/cases").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestApplications.json(TestApplications.seedCase()))).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("caseNumber").asText();
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("intake1:demo".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Scanned records of about {@code bytes} each: one made, the others copies with a line of their own
     * appended (a PDF comment), so that each is a file of its own to the duplicate check.
     */
    private static List<Path> scans(Path work, int files, long bytes, int pages) throws IOException {
        Path first = work.resolve("scan-1.pdf");
        if (!Files.exists(first) || Math.abs(Files.size(first) - bytes) > bytes / 10) {
            System.out.println("making a scanned record of " + pages + " pages ...");
            TestDocuments.scannedPdf(first, pages, bytes, 1);
        }
        List<Path> scans = new ArrayList<>(List.of(first));
        for (int i = 2; i <= files; i++) {
            Path copy = work.resolve("scan-" + i + ".pdf");
            Files.copy(first, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(copy, "\n% copy " + i + "\n%%EOF\n", StandardOpenOption.APPEND);
            scans.add(copy);
        }
        return scans;
    }

    private static long databaseBytes(DurablePostgres postgres) throws Exception {
        try (var connection = postgres.dataSource("postgres").getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("select pg_database_size(current_database())")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /** The heap's highest use: sampled, and as the heap pools' own peak counters report it. */
    private static final class HeapPeak {

        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        private final AtomicLong sampled = new AtomicLong();
        private volatile boolean running;
        private Thread sampler;

        void start() {
            System.gc();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            running = true;
            sampler = new Thread(() -> {
                while (running) {
                    sampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        long sampledPeak() {
            return sampled.get();
        }

        /** At least the real peak: the pools need not have peaked at the same moment. */
        long poolPeaks() {
            return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        }
    }

    /**
     * A PDF read over HTTP as pdf.js reads it: byte ranges of 64 KB fetched when first needed and kept,
     * nothing else.
     */
    private static final class RangeReader implements RandomAccessRead {

        private final DocumentUploadBenchmark client;
        private final String path;
        private final long length;
        private final Map<Long, byte[]> chunks = new java.util.HashMap<>();
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicLong fetched = new AtomicLong();
        private long position;
        private boolean closed;

        RangeReader(DocumentUploadBenchmark client, String path, long length) {
            this.client = client;
            this.path = path;
            this.length = length;
        }

        private byte[] chunk(long index) throws IOException {
            byte[] chunk = chunks.get(index);
            if (chunk == null) {
                long from = index * RANGE_CHUNK;
                long to = Math.min(length, from + RANGE_CHUNK) - 1;
                try {
                    HttpResponse<byte[]> response = client.http.send(client.request(path)
                            .header("Range", "bytes=" + from + "-" + to).header("X-IMR-Page", "load-test").GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    chunk = response.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted", e);
                }
                requests.incrementAndGet();
                fetched.addAndGet(chunk.length);
                chunks.put(index, chunk);
            }
            return chunk;
        }

        @Override
        public int read() throws IOException {
            if (position >= length) {
                return -1;
            }
            byte[] chunk = chunk(position / RANGE_CHUNK);
            return chunk[(int) (position++ % RANGE_CHUNK)] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (position >= length) {
                return -1;
            }
            byte[] chunk = chunk(position / RANGE_CHUNK);
            int start = (int) (position % RANGE_CHUNK);
            int n = (int) Math.min(count, Math.min(chunk.length - start, length - position));
            System.arraycopy(chunk, start, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public long getPosition() {
            return position;
        }

        @Override
        public void seek(long target) {
            position = target;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isEOF() {
            return position >= length;
        }

        @Override
        public RandomAccessReadView createView(long start, long streamLength) {
            return new RandomAccessReadView(this, start, streamLength);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
