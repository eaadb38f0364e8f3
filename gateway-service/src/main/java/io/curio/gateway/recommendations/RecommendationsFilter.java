package io.curio.gateway.recommendations;

import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On the recommendations route: answers from the user's cached list when there is one; otherwise calls
 * inference-service under a time limit and the circuit breaker, keeps a 200 answer in the cache, and answers from
 * the fallback list when the call times out, fails, answers 5xx or is not permitted by the open breaker.
 */
class RecommendationsFilter implements GlobalFilter, Ordered {

    static final String ROUTE_ID = "recommendations";

    /** After the identity and client platform headers are set, so that the cache key sees them. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final ResponseCache cache;

    private final CircuitBreaker breaker;

    private final TimeLimiter timeLimiter;

    private final FallbackAnswers fallbacks;

    private final JsonResponses json;

    RecommendationsFilter(ResponseCache cache, CircuitBreaker breaker, TimeLimiter timeLimiter,
            FallbackAnswers fallbacks, JsonResponses json) {
        this.cache = cache;
        this.breaker = breaker;
        this.timeLimiter = timeLimiter;
        this.fallbacks = fallbacks;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!isRoute(exchange, ROUTE_ID)) {
            return chain.filter(exchange);
        }
        Optional<CacheKey> key = CacheKey.of(exchange.getRequest());
        Optional<byte[]> cached = key.flatMap(cache::find);
        if (cached.isPresent()) {
            return json.write(exchange, cached.get());
        }
        long ticket = cache.ticket();
        BufferedResponse buffered = new BufferedResponse(exchange.getResponse());
        return guarded(chain.filter(exchange.mutate().response(buffered).build()), buffered)
                .thenReturn(true)
                .onErrorResume(failure -> fallbacks.answer(exchange, FallbackReason.of(failure)).thenReturn(false))
                .flatMap(answered -> answered ? pass(exchange, buffered, key, ticket) : Mono.empty());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    static boolean isRoute(ServerWebExchange exchange, String routeId) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null && routeId.equals(route.getId());
    }

    private Mono<Void> guarded(Mono<Void> call, BufferedResponse buffered) {
        return call
                .then(Mono.defer(() -> buffered.failed()
                        ? Mono.<Void>error(new ServiceFailedException())
                        : Mono.<Void>empty()))
                .transformDeferred(TimeLimiterOperator.<Void>of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.<Void>of(breaker));
    }

    private Mono<Void> pass(ServerWebExchange exchange, BufferedResponse buffered, Optional<CacheKey> key,
            long ticket) {
        ServerHttpResponse response = exchange.getResponse();
        byte[] body = buffered.body();
        response.setStatusCode(buffered.getStatusCode());
        HttpHeaders headers = response.getHeaders();
        buffered.getHeaders().forEach(headers::put);
        headers.setContentLength(body.length);
        if (HttpStatus.OK.equals(buffered.getStatusCode())) {
            key.ifPresent(known -> cache.keep(known, body, ticket));
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** inference-service answered 5xx: a failure for the breaker, answered from the fallback list. */
    static final class ServiceFailedException extends RuntimeException {

        ServiceFailedException() {
            super("inference-service answered with a server error", null, false, false);
        }
    }
}
