package io.curio.gateway.ratelimit;

import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import io.curio.gateway.identity.Caller;
import io.curio.gateway.identity.CallerAuthentication;
import io.curio.gateway.problem.ProblemResponses;

/**
 * Applies the caller's rate limit to every authenticated request, sets {@code X-RateLimit-Remaining} on the
 * response whatever its outcome, and answers 429 with {@code Retry-After} and a detail naming the limit (burst or
 * daily quota) when one refuses the request. Runs inside the security chain, after authentication, and is
 * therefore not a bean of its own.
 */
public class RateLimitFilter implements WebFilter {

    public static final String REMAINING = "X-RateLimit-Remaining";

    private final PlanRateLimiter limiter;

    private final ProblemResponses problems;

    public RateLimitFilter(PlanRateLimiter limiter, ProblemResponses problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return currentCaller()
                .flatMap(caller -> limiter.take(caller).map(Optional::of))
                .defaultIfEmpty(Optional.empty())
                .flatMap(decision -> decision
                        .map(taken -> apply(taken, exchange, chain))
                        .orElseGet(() -> chain.filter(exchange)));
    }

    private Mono<Void> apply(RateLimitDecision decision, ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(REMAINING, Long.toString(decision.remaining()));
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", detailOf(decision));
    }

    private static String detailOf(RateLimitDecision decision) {
        String limit = decision.limitHit() == LimitHit.DAILY
                ? "Over the plan's daily quota, which renews at midnight UTC"
                : "Over the plan's burst limit";
        return limit + "; retry after " + decision.retryAfterSeconds() + " s";
    }

    private static Mono<Caller> currentCaller() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance)
                .map(Authentication::getPrincipal)
                .cast(Caller.class);
    }
}
