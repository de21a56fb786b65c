package org.openimr.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.system.CaseClock;
import org.openimr.system.FieldProblem;
import org.openimr.system.InputReader;
import org.openimr.system.InvalidInputException;
import org.openimr.system.RetryingTransactions;
import org.openimr.system.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * A delivery of medical records as files: checked whole before anything is stored, then stored in one
 * transaction with the message the case waits for. Each file is moved from the upload to a work
 * folder of its own, where it is hashed (SHA-256), read for its format and pages ({@link FileInspector})
 * and streamed into the content store: never held whole in memory. A delivery with one bad file, or
 * over a limit, stores none of its files; a file the case already has (same hash) is stored once and
 * answered as already on file.
 */
@Service
class DocumentDeliveries {

    enum Outcome { STORED, ALREADY_ON_FILE }

    record FileReceipt(String file, Outcome outcome, long documentId, String mediaType, int pages, long bytes,
            String sha256) {
    }

    record Receipt(String caseNumber, List<FileReceipt> files, int stored, int alreadyOnFile, int documentsOnFile,
            int pagesOnFile) {
    }

    /** A delivery or a file of it over the size limits: answered 413, naming what is too large. */
    static final class TooLarge extends RuntimeException {

        private final transient List<FieldProblem> problems;

        TooLarge(List<FieldProblem> problems) {
            super("The delivery is too large", null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    private record Checked(int position, NewFile file, Path path, long bytes, String sha256,
            FileInspector.Inspection inspection) {
    }

    private static final Logger log = LoggerFactory.getLogger(DocumentDeliveries.class);
    private static final int MAX_METADATA_CHARS = 1_000_000;

    private final CaseRegistry registry;
    private final Documents documents;
    private final ContentStore store;
    private final FileInspector inspector;
    private final RecordsService records;
    private final RetryingTransactions transactions;
    private final DocumentLimits limits;
    private final ObjectMapper objectMapper;

    DocumentDeliveries(CaseRegistry registry, Documents documents, ContentStore store, FileInspector inspector,
            RecordsService records, RetryingTransactions transactions, DocumentLimits limits,
            ObjectMapper objectMapper) {
        this.registry = registry;
        this.documents = documents;
        this.store = store;
        this.inspector = inspector;
        this.records = records;
        this.transactions = transactions;
        this.limits = limits;
        this.objectMapper = objectMapper;
    }

    Receipt receive(String caseNumber, String metadata, List<MultipartFile> files, String receivedBy) {
        registry.openCase(caseNumber);
        checkSizes(files);
        List<NewFile> described = describe(metadata, files);
        Path work = workFolder();
        try {
            List<Checked> checked = check(described, files, work);
            try {
                return transactions.run("Documents for case " + caseNumber, () -> store(caseNumber, checked, receivedBy));
            } catch (DuplicateKeyException sameFileAtOnce) {
                // Another delivery stored one of these files a moment ago: this time it is found on file.
                return transactions.run("Documents for case " + caseNumber, () -> store(caseNumber, checked, receivedBy));
            }
        } finally {
            remove(work);
        }
    }

    private void checkSizes(List<MultipartFile> files) {
        List<FieldProblem> problems = new ArrayList<>();
        if (files.size() > limits.maxFiles()) {
            throw new InvalidInputException("files", "are " + files.size() + " files; a delivery may have at most "
                    + limits.maxFiles() + ": send the rest in another delivery");
        }
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            long bytes = files.get(i).getSize();
            total += bytes;
            if (bytes > limits.maxFileSize().toBytes()) {
                problems.add(new FieldProblem(name(files, i), "is " + megabytes(bytes) + "; a file may be at most "
                        + megabytes(limits.maxFileSize().toBytes())));
            }
        }
        if (total > limits.maxDeliverySize().toBytes()) {
            problems.add(new FieldProblem("files", "add up to " + megabytes(total) + "; a delivery may be at most "
                    + megabytes(limits.maxDeliverySize().toBytes())));
        }
        if (!problems.isEmpty()) {
            throw new TooLarge(problems);
        }
    }

    /** Reads the delivery's description: one entry for each file, in the order the files were sent. */
    private List<NewFile> describe(String metadata, List<MultipartFile> files) {
        if (metadata != null && metadata.length() > MAX_METADATA_CHARS) {
            throw new InvalidInputException("metadata", "must be at most " + MAX_METADATA_CHARS + " characters");
        }
        JsonNode body;
        try {
            body = metadata == null ? null : objectMapper.readTree(metadata);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("metadata", "is not valid JSON");
        }
        if (body == null) {
            throw new InvalidInputException("metadata", "is required: a JSON part {\"documents\": [...]} describing "
                    + "each file in the order the files are sent");
        }
        InputReader in = InputReader.of(body);
        List<NewFile> described = new ArrayList<>();
        LocalDate today = CaseClock.today();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            names.add(fileName(files.get(i), in, i));
        }
        if (files.isEmpty()) {
            in.problem("files", "must hold at least one file");
        }
        in.objects("documents", 1, limits.maxFiles(), document -> {
            Sender sender = document.enumValue("sender", Sender.class, true);
            LocalDate dateReceived = document.date("dateReceived", true);
            String title = document.text("title", true, 300);
            String author = document.text("author", false, 200);
            LocalDate dateOfService = document.date("dateOfService", false);
            if (dateReceived != null && dateReceived.isAfter(today)) {
                document.problem("dateReceived", "must not be in the future");
            }
            if (dateOfService != null && dateOfService.isAfter(today)) {
                document.problem("dateOfService", "must not be in the future");
            }
            int position = described.size();
            described.add(new NewFile(position < names.size() ? names.get(position) : null, sender, dateReceived,
                    title, author, dateOfService));
        });
        if (body.path("documents").isArray() && body.get("documents").size() != files.size() && !files.isEmpty()) {
            in.problem("documents", "describes " + body.get("documents").size() + " files, but "
                    + files.size() + " were sent: describe each file, in the order they are sent");
        }
        in.rejectUnknownFields();
        in.throwIfInvalid();
        return described;
    }

    /** The name a file was sent under, without any folder; a name that is no acceptable text is a problem. */
    private static String fileName(MultipartFile file, InputReader in, int index) {
        String name = sentName(file);
        String refused = TextRules.problem(name);
        if (refused != null) {
            in.problem("files[" + index + "].name", refused);
            return null;
        }
        if (name.length() > 255) {
            in.problem("files[" + index + "].name", "must be at most 255 characters");
            return null;
        }
        return name.isEmpty() ? null : name;
    }

    private List<Checked> check(List<NewFile> described, List<MultipartFile> files, Path work) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path path = work.resolve("file-" + i);
            try {
                files.get(i).transferTo(path);
                String sha256 = sha256(path);
                FileInspector.Inspection inspection = inspector.inspect(path);
                checked.add(new Checked(i, described.get(i), path, Files.size(path), sha256, inspection));
            } catch (FileInspector.Refusal refusal) {
                problems.add(new FieldProblem(name(files, i), refusal.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException("Reading an uploaded file", e);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return checked;
    }

    private Receipt store(String caseNumber, List<Checked> checked, String receivedBy) {
        CaseRecord record = registry.openCase(caseNumber);
        Map<String, Long> onFile = documents.documentsByHash(record.id());
        List<FileReceipt> receipts = new ArrayList<>();
        int stored = 0;
        for (Checked file : checked) {
            String mediaType = file.inspection().format().mediaType();
            int pages = file.inspection().pages();
            String name = file.file().fileName() == null ? "file " + (file.position() + 1) : file.file().fileName();
            Long existing = onFile.get(file.sha256());
            if (existing != null) {
                receipts.add(new FileReceipt(name, Outcome.ALREADY_ON_FILE, existing, mediaType, pages, file.bytes(),
                        file.sha256()));
                continue;
            }
            String key = put(file.path());
            long contentId = documents.addContent(record.id(), file.sha256(), mediaType, file.bytes(), pages, key);
            long documentId = documents.addStored(record.id(), contentId, file.file(), pages, receivedBy);
            onFile.put(file.sha256(), documentId);
            receipts.add(new FileReceipt(name, Outcome.STORED, documentId, mediaType, pages, file.bytes(),
                    file.sha256()));
            stored++;
        }
        List<Documents.Document> all = stored > 0 ? records.announce(record, stored) : documents.forCase(record.id());
        log.info("Case {}: {} files delivered, {} stored, {} already on file", caseNumber, checked.size(), stored,
                checked.size() - stored);
        return new Receipt(caseNumber, receipts, stored, checked.size() - stored, all.size(),
                all.stream().mapToInt(Documents.Document::pages).sum());
    }

    private String put(Path file) {
        String key;
        try (InputStream in = Files.newInputStream(file)) {
            key = store.put(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Storing an uploaded file", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    store.discard(key);
                }
            }
        });
        return key;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** How a file is named in answers: the name it was sent under, or its place in the delivery. */
    private static String name(List<MultipartFile> files, int index) {
        String name = sentName(files.get(index));
        return name.isEmpty() || TextRules.problem(name) != null || name.length() > 255
                ? "file " + (index + 1) : name;
    }

    /** The name the file was sent under, without the folder some browsers send with it. */
    private static String sentName(MultipartFile file) {
        String sent = file.getOriginalFilename();
        return sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1).strip();
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.US, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static Path workFolder() {
        try {
            return Files.createTempDirectory("imr-delivery-");
        } catch (IOException e) {
            throw new UncheckedIOException("No room for a delivery's work folder", e);
        }
    }

    private static void remove(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("A delivery's work folder was not removed: {}", e.getClass().getSimpleName());
        }
    }
}
