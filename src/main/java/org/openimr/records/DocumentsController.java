package org.openimr.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openimr.cases.CaseRecord;
import org.openimr.cases.CaseRegistry;
import org.openimr.cases.Roles;
import org.openimr.system.FieldProblem;
import org.openimr.system.InputReader;
import org.openimr.system.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * A case's medical records as documents: delivered as files, listed, paged through in the case-file
 * viewer and downloaded, by the people on the case only ({@link RecordsApiAccess}), each view and
 * download recorded for the supervisors' accounting of disclosures.
 */
@RestController
class DocumentsController {

    /** The header the case-file page sends: its content reads are the viewer's, not downloads. */
    static final String PAGE_HEADER = "X-IMR-Page";

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    record DocumentView(long id, String title, String author, LocalDate dateOfService, Sender sender,
            LocalDate dateReceived, Instant receivedAt, String receivedBy, int pages, boolean stored, String fileName,
            String mediaType, Long bytes, String sha256, String content, String viewer) {
    }

    record CaseFile(String caseNumber, boolean open, boolean mayAdd, int maxFiles, int documentsOnFile,
            int pagesOnFile, List<DocumentView> documents) {
    }

    private final CaseRegistry registry;
    private final Documents documents;
    private final DocumentDeliveries deliveries;
    private final DocumentAccessLog accesses;
    private final ContentStore store;
    private final PageRenderer renderer;
    private final DocumentLimits limits;

    DocumentsController(CaseRegistry registry, Documents documents, DocumentDeliveries deliveries,
            DocumentAccessLog accesses, ContentStore store, PageRenderer renderer, DocumentLimits limits) {
        this.limits = limits;
        this.registry = registry;
        this.documents = documents;
        this.deliveries = deliveries;
        this.accesses = accesses;
        this.store = store;
        this.renderer = renderer;
    }

    @Operation(summary = "Deliver medical records as files (PDF, TIFF, JPEG, PNG): multipart, a JSON part "
            + "\"metadata\" {\"documents\": [{sender, dateReceived, title, author?, dateOfService?}, ...]} describing "
            + "each part \"files\" in order. The whole delivery is refused (nothing stored) when one file is bad.")
    @ApiResponse(responseCode = "201", description = "Stored; files the case already had are answered ALREADY_ON_FILE")
    @ApiResponse(responseCode = "200", description = "Every file was already on file; nothing new stored")
    @ApiResponse(responseCode = "400", description = "A file or its description refused; errors name each file and problem")
    @ApiResponse(responseCode = "409", description = "The case is closed")
    @ApiResponse(responseCode = "413", description = "A file or the delivery over its size limit")
    @PostMapping(path = "/api/cases/{caseNumber}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocumentDeliveries.Receipt> deliver(@PathVariable String caseNumber, HttpServletRequest request,
            Authentication user) throws IOException {
        MultipartHttpServletRequest multipart = (MultipartHttpServletRequest) request;
        List<MultipartFile> files = multipart.getMultiFileMap().getOrDefault("files", List.of());
        for (String part : multipart.getMultiFileMap().keySet()) {
            if (!part.equals("files") && !part.equals("metadata")) {
                throw new org.openimr.system.InvalidInputException(part, "is not a part of a delivery (send "
                        + "\"metadata\" and \"files\")");
            }
        }
        MultipartFile metadataFile = multipart.getFile("metadata");
        String metadata = metadataFile != null
                ? new String(metadataFile.getInputStream().readNBytes(2_000_000), java.nio.charset.StandardCharsets.UTF_8)
                : request.getParameter("metadata");
        DocumentDeliveries.Receipt receipt = deliveries.receive(caseNumber, metadata, files, user.getName());
        return ResponseEntity.status(receipt.stored() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/cases/" + caseNumber + "/documents")).body(receipt);
    }

    @Operation(summary = "The case's documents: stored files and documents described only, with links to each "
            + "file's content and to the case-file viewer")
    @GetMapping(path = "/api/cases/{caseNumber}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    CaseFile list(@PathVariable String caseNumber, Authentication user) {
        CaseRecord record = registry.caseOf(caseNumber);
        List<Documents.Document> onFile = documents.forCase(record.id());
        boolean mayAdd = record.isOpen() && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> List.of(Roles.authorities(Roles.INTAKE, Roles.SUPERVISOR, Roles.ADMIN)).contains(a));
        return new CaseFile(caseNumber, record.isOpen(), mayAdd, limits.maxFiles(), onFile.size(),
                onFile.stream().mapToInt(Documents.Document::pages).sum(),
                onFile.stream().map(document -> view(caseNumber, document)).toList());
    }

    @Operation(summary = "Who viewed or downloaded the case's documents, which page and when, latest first (supervisors)")
    @GetMapping(path = "/api/cases/{caseNumber}/documents/accesses", produces = MediaType.APPLICATION_JSON_VALUE)
    List<DocumentAccessLog.Access> accesses(@PathVariable String caseNumber) {
        return accesses.forCase(registry.caseOf(caseNumber).id());
    }

    @Operation(summary = "A stored document's file, whole (a download) or the byte range asked for (the viewer)")
    @ApiResponse(responseCode = "206", description = "The range asked for")
    @GetMapping(path = "/api/cases/{caseNumber}/documents/{documentId}/content")
    void content(@PathVariable String caseNumber, @PathVariable long documentId, HttpServletRequest request,
            HttpServletResponse response, Authentication user) throws IOException {
        CaseRecord record = registry.caseOf(caseNumber);
        Documents.Content content = storedDocument(record, documentId).content();
        long size = content.sizeBytes();
        long offset = 0;
        long length = size;
        Matcher range = request.getHeader(HttpHeaders.RANGE) == null ? null
                : RANGE.matcher(request.getHeader(HttpHeaders.RANGE).strip());
        boolean partial = range != null && range.matches() && !(range.group(1).isEmpty() && range.group(2).isEmpty());
        if (partial) {
            if (range.group(1).isEmpty()) {
                length = Math.min(size, Long.parseLong(range.group(2)));
                offset = size - length;
            } else {
                offset = Long.parseLong(range.group(1));
                long last = range.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(range.group(2)));
                length = last - offset + 1;
            }
            if (offset >= size || length <= 0) {
                response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                return;
            }
        }
        boolean viewer = request.getHeader(PAGE_HEADER) != null;
        accesses.record(record.id(), documentId, viewer ? DocumentAccessLog.Kind.READ : DocumentAccessLog.Kind.DOWNLOAD,
                null, user.getName());
        response.setStatus(partial ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
        response.setContentType(content.mediaType());
        response.setContentLengthLong(length);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (partial) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + offset + "-" + (offset + length - 1) + "/" + size);
        }
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, (viewer ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(downloadName(caseNumber, documentId, content)).build()
                .toString());
        store.copy(content.storageKey(), offset, length, response.getOutputStream());
    }

    @Operation(summary = "One page of a TIFF, JPEG or PNG document as a PNG picture; the view is recorded")
    @GetMapping(path = "/api/cases/{caseNumber}/documents/{documentId}/pages/{page}", produces = MediaType.IMAGE_PNG_VALUE)
    void page(@PathVariable String caseNumber, @PathVariable long documentId,
            @Parameter(description = "From 1") @PathVariable int page, HttpServletResponse response, Authentication user)
            throws IOException {
        CaseRecord record = registry.caseOf(caseNumber);
        Documents.Document document = storedDocument(record, documentId);
        FileInspector.Format format = FileInspector.Format.ofMediaType(document.content().mediaType());
        if (format == FileInspector.Format.PDF) {
            throw new org.openimr.system.InvalidInputException("documentId", "is a PDF: the viewer shows its pages "
                    + "from its content, and records each page shown (POST .../views)");
        }
        checkPage(document, page);
        accesses.record(record.id(), documentId, DocumentAccessLog.Kind.VIEW, page, user.getName());
        response.setContentType(MediaType.IMAGE_PNG_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        renderer.render(store.open(document.content().storageKey(), document.content().sizeBytes()), format, page,
                response.getOutputStream());
    }

    @Operation(summary = "Record that the viewer showed a page of a PDF document (pdf.js draws it in the browser)")
    @PostMapping(path = "/api/cases/{caseNumber}/documents/{documentId}/views",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void viewed(@PathVariable String caseNumber, @PathVariable long documentId, @RequestBody JsonNode body,
            Authentication user) {
        CaseRecord record = registry.caseOf(caseNumber);
        Documents.Document document = storedDocument(record, documentId);
        InputReader in = InputReader.of(body);
        Integer page = in.integer("page", true, 1, Math.max(1, document.pages()));
        in.rejectUnknownFields();
        in.throwIfInvalid();
        accesses.record(record.id(), documentId, DocumentAccessLog.Kind.VIEW, page, user.getName());
    }

    /** A file or delivery over the size limits: 413, naming each file that is too large. */
    @ExceptionHandler(DocumentDeliveries.TooLarge.class)
    ProblemDetail tooLarge(DocumentDeliveries.TooLarge e) {
        List<FieldProblem> problems = e.problems();
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, problems.size() == 1
                ? problems.get(0).field() + " " + problems.get(0).problem() : problems.size() + " files are too large");
        detail.setType(URI.create("about:blank"));
        detail.setProperty("errors", problems);
        return detail;
    }

    /** The case's document with a stored file; another case's document is not found, like one that does not exist. */
    private Documents.Document storedDocument(CaseRecord record, long documentId) {
        Documents.Document document = documents.find(record.id(), documentId)
                .orElseThrow(() -> new NotFoundException("Case " + record.caseNumber() + " has no document " + documentId));
        if (!document.stored()) {
            throw new NotFoundException("Document " + documentId + " was described only: no file was received");
        }
        return document;
    }

    private static void checkPage(Documents.Document document, int page) {
        if (page < 1 || page > document.pages()) {
            throw new NotFoundException("Document " + document.id() + " has pages 1 to " + document.pages());
        }
    }

    private static String downloadName(String caseNumber, long documentId, Documents.Content content) {
        String extension = switch (FileInspector.Format.ofMediaType(content.mediaType())) {
            case PDF -> "pdf";
            case TIFF -> "tif";
            case JPEG -> "jpg";
            case PNG -> "png";
        };
        return caseNumber + "-document-" + documentId + "." + extension;
    }

    private static DocumentView view(String caseNumber, Documents.Document document) {
        Documents.Content content = document.content();
        String base = "/api/cases/" + caseNumber + "/documents/" + document.id();
        return new DocumentView(document.id(), document.title(), document.author(), document.documentDate(),
                document.sender(), document.dateReceived(), document.receivedAt(), document.receivedBy(),
                document.pages(), document.stored(), document.fileName(), content == null ? null : content.mediaType(),
                content == null ? null : content.sizeBytes(), content == null ? null : content.sha256(),
                content == null ? null : base + "/content",
                content == null ? null : CaseFilePage.address(caseNumber, document.id()));
    }
}
