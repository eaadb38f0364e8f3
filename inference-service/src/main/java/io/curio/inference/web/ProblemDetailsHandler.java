package io.curio.inference.web;

import java.net.URI;
import java.util.Locale;

import io.curio.inference.model.NoPreviousVersionException;
import io.curio.inference.model.UnknownModelVersionException;
import io.curio.inference.model.UnloadableModelException;
import io.curio.inference.recommendation.InvalidParameterException;
import io.curio.inference.recommendation.MissingIdentityException;
import io.curio.inference.recommendation.NoModelAvailableException;
import io.curio.inference.training.TrainingQueueFullException;
import io.curio.inference.training.UnknownAlgorithmException;
import io.curio.inference.training.UnknownTrainingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Turns every error of the service into {@code application/problem+json} (RFC 9457), each typed
 * {@code urn:curio:problem:<name>}; problems raised by the framework are named after their HTTP status.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    private static final String TYPE_PREFIX = "urn:curio:problem:";

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameterException ex) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail missingIdentity(MissingIdentityException ex) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail noModel(NoModelAvailableException ex) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "no-model", "No model available", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownAlgorithm(UnknownAlgorithmException ex) {
        return problem(HttpStatus.NOT_FOUND, "unknown-algorithm", "Unknown algorithm", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownTraining(UnknownTrainingException ex) {
        return problem(HttpStatus.NOT_FOUND, "unknown-training", "Unknown training", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail trainingQueueFull(TrainingQueueFullException ex) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, "training-queue-full", "Training queue full", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownModelVersion(UnknownModelVersionException ex) {
        return problem(HttpStatus.NOT_FOUND, "unknown-model-version", "Unknown model version", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail noPreviousVersion(NoPreviousVersionException ex) {
        return problem(HttpStatus.CONFLICT, "no-previous-version", "No previous version", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unloadableModel(UnloadableModelException ex) {
        logger.warn("Refused to activate a model", ex);
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unloadable-model", "Unloadable model", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unexpected(RuntimeException ex) {
        logger.error("Unexpected failure", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setType(URI.create(TYPE_PREFIX + statusName(statusCode)));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static String statusName(HttpStatusCode statusCode) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        return (status != null) ? status.name().toLowerCase(Locale.ROOT).replace('_', '-')
                : Integer.toString(statusCode.value());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

}
