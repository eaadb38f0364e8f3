package io.curio.abtest.web;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.curio.abtest.canary.CanaryRefusedException;
import io.curio.abtest.experiment.ExperimentConflictException;
import io.curio.abtest.experiment.ExperimentNotFoundException;
import io.curio.abtest.experiment.InvalidExperimentException;

/**
 * Turns every error of the service into {@code application/problem+json} (RFC 9457) with a type, a title, the
 * status and a detail that names the offending field. Nothing internal (stack traces, class names, hosts)
 * reaches the body.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final String TYPE_PREFIX = "urn:curio:problem:";

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private static final int MAX_DETAIL_LENGTH = 120;

    /** Where a parser message starts to describe its input source, to the end of the message. */
    private static final Pattern PARSER_LOCATION = Pattern.compile("\\s*(\\(start marker )?(at )?\\[Source.*$");

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage());
    }

    @ExceptionHandler(ExperimentNotFoundException.class)
    ProblemDetail notFound(ExperimentNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "experiment-not-found", ex.getMessage());
    }

    @ExceptionHandler(ExperimentConflictException.class)
    ProblemDetail conflict(ExperimentConflictException ex) {
        String detail = detail(ex.field(), ex.getMessage());
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "experiment-conflict", detail);
        withField(problem, ex.field());
        return problem;
    }

    @ExceptionHandler(InvalidExperimentException.class)
    ProblemDetail invalidExperiment(InvalidExperimentException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", ex.getMessage());
        withField(problem, ex.field());
        return problem;
    }

    @ExceptionHandler(CanaryRefusedException.class)
    ProblemDetail canaryRefused(CanaryRefusedException ex) {
        HttpStatus status = HttpStatus.valueOf(ex.refusal().status());
        ProblemDetail problem = problem(status, ex.refusal().type(), ex.getMessage());
        withField(problem, ex.field());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors();
        FieldError first = errors.isEmpty() ? null : errors.get(0);
        String field = (first != null) ? first.getField() : null;
        String message = (first != null) ? first.getDefaultMessage() : "request body is invalid";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", detail(field, message));
        withField(problem, field);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ParameterValidationResult first = ex.getParameterValidationResults().get(0);
        String field = first.getMethodParameter().getParameterName();
        String message = first.getResolvableErrors().get(0).getDefaultMessage();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", detail(field, message));
        withField(problem, field);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException cause = (ex.getCause() instanceof JacksonException json) ? json : null;
        String field = (cause != null) ? path(cause) : null;
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", detail(field, unreadable(cause)));
        withField(problem, field);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /** Gives the problems Spring MVC raises itself (404, 405, 415, missing parameters) a type of their own. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && isUntyped(problem)) {
            problem.setType(URI.create(TYPE_PREFIX + "http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        logger.error("Request failed", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "the request could not be completed");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    private static void withField(ProblemDetail problem, String field) {
        if (field != null) {
            problem.setProperty("field", field);
        }
    }

    private static String detail(String field, String message) {
        return (field != null) ? field + ": " + message : message;
    }

    private static boolean isUntyped(ProblemDetail problem) {
        return problem.getType() == null || ABOUT_BLANK.equals(problem.getType());
    }

    private static String unreadable(JacksonException cause) {
        if (cause instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (cause instanceof StreamReadException read) {
            return "malformed JSON: " + firstLine(read.getOriginalMessage());
        }
        return (cause != null && !cause.getPath().isEmpty()) ? "wrong type or value"
                : "body is not a readable JSON document";
    }

    /**
     * The parser's message as a plain sentence: its first line, without the location it points at (where the
     * parser names its source and settings), and one sentence of our own for a body that ends too early.
     */
    private static String firstLine(String message) {
        String line = (message != null) ? message.lines().findFirst().orElse("") : "";
        if (line.startsWith("Unexpected end-of-input")) {
            return "the body ends before the JSON document is complete";
        }
        line = PARSER_LOCATION.matcher(line).replaceFirst("");
        return (line.length() <= MAX_DETAIL_LENGTH) ? line : line.substring(0, MAX_DETAIL_LENGTH) + "…";
    }

    /** The JSON path of the value that failed, e.g. {@code variants[1].weight}, or {@code null}. */
    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

}
