package io.curio.ingestion.web;

import java.net.URI;

import io.curio.events.MalformedEventsException;
import io.curio.events.stream.StreamPublishFailedException;
import io.curio.ingestion.collector.BodyTooLargeException;
import io.curio.ingestion.collector.ForeignUserEventException;
import io.curio.ingestion.collector.MissingCallerException;
import io.curio.ingestion.collector.UnreadableBodyException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into {@code application/problem+json} (RFC 9457) with type, title, status and
 * detail. A 4xx names what was wrong; a 5xx never carries internals.
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Log logger = LogFactory.getLog(ProblemDetailsHandler.class);

    private static final String TYPE_PREFIX = "urn:curio:problem:";

    @ExceptionHandler(MissingCallerException.class)
    ProblemDetail missingCaller(MissingCallerException ex) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", ex.getMessage());
    }

    @ExceptionHandler(ForeignUserEventException.class)
    ProblemDetail foreignUser(ForeignUserEventException ex) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail tooLarge(BodyTooLargeException ex) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large", ex.getMessage());
    }

    @ExceptionHandler({ MalformedEventsException.class, UnreadableBodyException.class })
    ProblemDetail malformed(RuntimeException ex) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-events", "Malformed events", ex.getMessage());
    }

    @ExceptionHandler(StreamPublishFailedException.class)
    ProblemDetail streamDown(StreamPublishFailedException ex) {
        logger.warn("Events not accepted: the engagement stream refused them", ex);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "stream-unavailable", "Stream unavailable",
                "the events were not accepted; send them again later");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        logger.error("Request failed", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be processed");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setType(URI.create(TYPE_PREFIX + statusCode.value()));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

}
