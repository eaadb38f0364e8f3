package io.curio.gateway.firewall;

import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import io.curio.gateway.problem.ProblemResponses;

/**
 * Answers 400 before any token check when the path has a trailing slash or spells an unreserved character
 * (letter, digit, {@code -}, {@code .}, {@code _}, {@code ~}) as a percent escape. The security rules and the
 * routes decide on different readings of such paths (routes accept a trailing slash the scope rules do not
 * match, for one), so a path is only served in the one spelling both read alike. The security firewall, which
 * runs next, refuses the other non-canonical forms: double slashes, dot segments, path parameters, encoded
 * slashes and backslashes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class CanonicalPathFilter implements WebFilter {

    private static final Pattern ENCODED_UNRESERVED =
            Pattern.compile("%(?:[46][1-9a-fA-F]|[57][0-9aA]|3[0-9]|2[dDeE]|5[fF]|7[eE])");

    private final ProblemResponses problems;

    CanonicalPathFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isCanonical(exchange.getRequest().getURI().getRawPath())) {
            return chain.filter(exchange);
        }
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "rejected-request",
                RejectedRequestProblems.NOT_CANONICAL);
    }

    /** Whether the raw path has neither a trailing slash nor a percent escape of an unreserved character. */
    static boolean isCanonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || "/".equals(rawPath)) {
            return true;
        }
        return !rawPath.endsWith("/") && !ENCODED_UNRESERVED.matcher(rawPath).find();
    }
}
