package io.curio.gateway.firewall;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.curio.gateway.problem.ProblemResponses;

/**
 * Answers requests the security firewall refuses (double slashes, dot segments, path parameters, encoded
 * slashes) with a 400 problem, without repeating the firewall's reason, which names its internal rule.
 */
@Component
class RejectedRequestProblems implements ServerExchangeRejectedHandler {

    static final String NOT_CANONICAL = "The request path is not in canonical form";

    private final ProblemResponses problems;

    RejectedRequestProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "rejected-request",
                NOT_CANONICAL);
    }
}
