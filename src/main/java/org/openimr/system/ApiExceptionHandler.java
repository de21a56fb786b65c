package org.openimr.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns failures of the application's own API into RFC 9457 problem details. A 400 always lists
 * each bad field with its problem under {@code errors}.
 */
@RestControllerAdvice(basePackages = "org.openimr")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return badRequest(e.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String problem = e.getCause() instanceof JsonProcessingException json
                ? json.getLocation() == null ? "is not valid JSON (nested too deep, or too long)"
                        : "is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
                                + json.getLocation().getColumnNr() + ")"
                : "is missing or not readable";
        return badRequest(List.of(new FieldProblem("body", problem)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldProblem(e.getName(), "has an invalid value")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return badRequest(List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        boolean multipart = e.getSupportedMediaTypes().stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as "
                + (multipart ? MediaType.MULTIPART_FORM_DATA_VALUE : MediaType.APPLICATION_JSON_VALUE));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail detail = problem(HttpStatus.PAYLOAD_TOO_LARGE, "The request is too large");
        detail.setProperty("errors", List.of(new FieldProblem("files", "are too large")));
        return detail;
    }

    /** A multipart body that cannot be read as one (cut off, no boundary). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload(MultipartException e) {
        return badRequest(List.of(new FieldProblem("body", "is not a readable multipart/form-data upload")));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such resource");
    }

    /** A refusal raised inside the application rather than by its request rules; the catch-all would answer 500. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail detail = problem(HttpStatus.CONFLICT, e.getMessage());
        if (e.existing() != null) {
            detail.setProperty("caseNumber", e.existing());
        }
        return detail;
    }

    /**
     * Another transaction kept changing the case (see {@link RetryingTransactions}); nothing was saved.
     * 503 with Retry-After tells a client, or a load balancer, that sending the same request again is right.
     */
    @ExceptionHandler({RetryingTransactions.ConcurrentChangeException.class, OptimisticLockingException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        log.info("API request refused after colliding with other transactions: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE,
                        "The case was being changed by another request; nothing was saved. Send the request again."));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // Its message may carry case data: the log shows the type and stack, and withholds the message (logback-spring.xml).
        log.error("Unexpected failure of an API request: {}", e.getClass().getName(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed");
    }

    static ProblemDetail badRequest(List<FieldProblem> problems) {
        ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, describe(problems));
        detail.setProperty("errors", problems);
        return detail;
    }

    private static String describe(List<FieldProblem> problems) {
        return problems.size() == 1
                ? problems.get(0).field() + " " + problems.get(0).problem()
                : problems.size() + " fields are invalid";
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
