package org.openimr.security;

import org.openimr.cases.UploadLimit;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Caps every request body before anything reads it, for every part of the application (its API,
 * the engine REST API, the webapps): a JSON (or any other) body at {@code imr.security.max-body},
 * a multipart upload (decision tables, deployments) at {@code imr.security.max-upload}. A body
 * over the limit is answered 413 without being read; one sent in chunks, whose length is not
 * announced, is read up to the limit and no further: a JSON body is then answered 413 too, an
 * upload fails while it is read. A capability may allow larger uploads to a path of its own
 * ({@link UploadLimit}).
 */
final class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxUpload;
    private final List<Map.Entry<PathPattern, Long>> uploadLimits;
    private final ObjectMapper objectMapper;

    RequestSizeLimit(long maxBody, long maxUpload, List<UploadLimit> uploadLimits, ObjectMapper objectMapper) {
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
        this.uploadLimits = uploadLimits.stream()
                .map(limit -> Map.entry(PathPatternParser.defaultInstance.parse(limit.pathPattern()), limit.maxBytes()))
                .toList();
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        long limit = upload ? uploadLimit(request) : maxBody;
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "must be at most " + limit + " bytes");
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            if (upload) {
                // Not held in memory: the upload's reader fails once it reads past the limit.
                chain.doFilter(new LimitedBodyRequest(request, limit), response);
                return;
            }
            byte[] body = request.getInputStream().readNBytes((int) limit + 1);
            if (body.length > limit) {
                refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "must be at most " + limit + " bytes");
                return;
            }
            request = new CachedBodyRequest(request, body);
        }
        chain.doFilter(request, response);
    }

    private long uploadLimit(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return uploadLimits.stream().filter(limit -> limit.getKey().matches(path)).mapToLong(Map.Entry::getValue)
                .findFirst().orElse(maxUpload);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String problem) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), Map.of(
                "type", "about:blank",
                "title", status.getReasonPhrase(),
                "status", status.value(),
                "detail", "The request body " + problem,
                "errors", List.of(Map.of("field", "body", "problem", problem))));
    }
}
