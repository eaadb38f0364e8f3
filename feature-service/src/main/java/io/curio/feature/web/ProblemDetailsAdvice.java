package io.curio.feature.web;

import java.net.URI;
import java.util.Locale;
import java.util.stream.Collectors;

import io.curio.feature.history.UnknownImportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the service into {@code application/problem+json} (RFC 9457).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final String TYPE_PREFIX = "urn:curio:problem:";

    private static final URI BLANK = URI.create("about:blank");

    @ExceptionHandler
    ProblemDetail unknownImport(UnknownImportException ex) {
        return problem(HttpStatus.NOT_FOUND, "Unknown history import", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail hubUnavailable(SdkException ex) {
        logger.warn("Data hub call failed", ex);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Data hub unavailable", "the data hub could not be read");
    }

    @ExceptionHandler
    ProblemDetail databaseUnavailable(DataAccessException ex) {
        logger.warn("Database call failed", ex);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", "the feature store could not be read");
    }

    @ExceptionHandler
    ProblemDetail unexpected(RuntimeException ex) {
        logger.error("Request failed unexpectedly", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request could not be completed");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult()
            .getFieldErrors()
            .stream()
            .map(ProblemDetailsAdvice::describe)
            .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail));
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            typed(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return typed(problem);
    }

    /** Names the problem type after the status, so that every answer carries a type. */
    private static ProblemDetail typed(ProblemDetail problem) {
        if (problem.getType() == null || BLANK.equals(problem.getType())) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            String name = (status != null) ? status.name() : String.valueOf(problem.getStatus());
            problem.setType(URI.create(TYPE_PREFIX + name.toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        return problem;
    }

}
