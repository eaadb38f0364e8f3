package io.curio.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The gateway's one error handler: turns every exception that reaches the edge into a problem document, with a
 * detail that names neither internal hosts nor code.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Log logger = LogFactory.getLog(ProblemExceptionHandler.class);

    private final ProblemResponses problems;

    public ProblemExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        return problems.write(exchange, problemFor(ex));
    }

    private Problem problemFor(Throwable ex) {
        if (ex instanceof ResponseStatusException statusException) {
            return problemFor(HttpStatus.resolve(statusException.getStatusCode().value()), ex);
        }
        if (causedBy(ex, ConnectException.class)) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The service behind this endpoint is unavailable");
        }
        if (causedBy(ex, TimeoutException.class)) {
            return Problem.of(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout",
                    "The service behind this endpoint did not answer in time");
        }
        return internalError(ex);
    }

    private Problem problemFor(HttpStatus status, Throwable ex) {
        if (status == null || status == HttpStatus.INTERNAL_SERVER_ERROR) {
            return internalError(ex);
        }
        if (status == HttpStatus.GATEWAY_TIMEOUT) {
            return Problem.of(status, kindOf(status), "The service behind this endpoint did not answer in time");
        }
        if (status.is5xxServerError()) {
            return Problem.of(status, kindOf(status), "The service behind this endpoint is unavailable");
        }
        return Problem.of(status, kindOf(status), detailOf(status));
    }

    private Problem internalError(Throwable ex) {
        logger.error("Request failed inside the gateway", ex);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The gateway failed to handle the request");
    }

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No public endpoint at this path";
            case METHOD_NOT_ALLOWED -> "This endpoint does not accept the method";
            case CONTENT_TOO_LARGE -> "The request body is over the limit";
            default -> "The request was rejected: " + status.getReasonPhrase();
        };
    }

    private static String kindOf(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase().replace(' ', '-');
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
