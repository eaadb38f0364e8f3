package io.curio.gateway.recommendations;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.curio.gateway.correlation.RequestIdFilter;
import io.curio.gateway.identity.Caller;
import io.curio.gateway.identity.CallerAuthentication;
import io.curio.gateway.problem.ProblemResponses;

/**
 * Serves the {@code recommendations} route from the cache when it can, and otherwise calls inference-service
 * through the circuit breaker and time limit, answering with the fallback list when the call fails, times out or is
 * not permitted. Runs after the identity filters, so the cache key holds the validated caller and platform.
 * Every answer says in {@code X-Cache} whether it came from the cache ({@code hit}), skipped it on the caller's
 * {@code Cache-Control: no-cache} ({@code bypass}), or not ({@code miss}).
 */
public class RecommendationsFilter implements GlobalFilter, Ordered {

    static final String ROUTE_ID = "recommendations";

    static final String CACHE_STATUS = "X-Cache";

    private static final String USER_PLATFORM = "X-User-Platform";

    private final RecommendationCache cache;

    private final FallbackListSource fallbacks;

    private final CircuitBreaker breaker;

    private final TimeLimiter timeLimiter;

    private final ProblemResponses problems;

    private final FallbackWriter writer;

    private final Map<FallbackReason, Counter> fallbackCounts = new EnumMap<>(FallbackReason.class);

    public RecommendationsFilter(RecommendationCache cache, FallbackListSource fallbacks, CircuitBreaker breaker,
            TimeLimiter timeLimiter, ProblemResponses problems, FallbackWriter writer, MeterRegistry meters) {
        this.cache = cache;
        this.fallbacks = fallbacks;
        this.breaker = breaker;
        this.timeLimiter = timeLimiter;
        this.problems = problems;
        this.writer = writer;
        for (FallbackReason reason : FallbackReason.values()) {
            fallbackCounts.put(reason, Counter.builder("curio.gateway.fallbacks")
                    .description("Recommendation requests answered without inference-service, by reason")
                    .tag("reason", reason.tag())
                    .register(meters));
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!onRecommendationsRoute(exchange)) {
            return chain.filter(exchange);
        }
        return CallerAuthentication.callerOf(exchange)
                .flatMap(caller -> caller
                        .map(known -> serve(exchange, chain, known))
                        .orElseGet(() -> chain.filter(exchange)));
    }

    @Override
    public int getOrder() {
        // after IdentityHeadersFilter and ClientPlatformFilter, whose headers the request must carry by now
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    private Mono<Void> serve(ServerWebExchange exchange, GatewayFilterChain chain, Caller caller) {
        ListRequest request;
        try {
            request = ListRequest.of(caller.userId(), caller.plan().claimValue(),
                    exchange.getRequest().getHeaders().getFirst(USER_PLATFORM), exchange.getRequest().getQueryParams());
        }
        catch (InvalidListParameterException ex) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-parameter", ex.getMessage());
        }
        if (bypassesCache(exchange)) {
            cache.bypassed();
            return forward(exchange, chain, request, "bypass");
        }
        return cache.find(request)
                .map(cached -> writer.cached(exchange.getResponse(), cached))
                .orElseGet(() -> forward(exchange, chain, request, "miss"));
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, ListRequest request,
            String cacheStatus) {
        long startedAt = cache.now();
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headersBefore = HttpHeaders.copyOf(response.getHeaders());
        BufferedResponse buffered = new BufferedResponse(response);
        return chain.filter(exchange.mutate().response(buffered).build())
                .then(Mono.defer(() -> failOnServerError(buffered)))
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .then(Mono.fromSupplier(() -> Optional.<FallbackReason>empty()))
                .onErrorResume(failure -> Mono.just(Optional.of(FallbackReason.of(failure))))
                .flatMap(failure -> failure
                        .map(reason -> fallback(exchange, headersBefore, request, reason))
                        .orElseGet(() -> relay(response, buffered, request, startedAt, cacheStatus)));
    }

    private Mono<Void> relay(ServerHttpResponse response, BufferedResponse buffered, ListRequest request,
            long startedAt, String cacheStatus) {
        byte[] body = buffered.body();
        String contentType = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        if (HttpStatus.OK.equals(response.getStatusCode()) && writer.isFreshList(body, contentType)) {
            cache.store(request, new CachedList(body, contentType), startedAt);
        }
        response.getHeaders().set(CACHE_STATUS, cacheStatus);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private Mono<Void> fallback(ServerWebExchange exchange, HttpHeaders headersBefore, ListRequest request,
            FallbackReason reason) {
        fallbackCounts.get(reason).increment();
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().clear();
        response.getHeaders().putAll(headersBefore);
        response.getHeaders().set(CACHE_STATUS, "miss");
        String requestId = exchange.getRequest().getHeaders().getFirst(RequestIdFilter.REQUEST_ID);
        return fallbacks.current()
                .map(list -> writer.degraded(response, list.answer(requestId, request)))
                .orElseGet(() -> writer.unavailable(exchange));
    }

    private static Mono<Void> failOnServerError(BufferedResponse buffered) {
        HttpStatusCode status = buffered.getStatusCode();
        if (status != null && status.is5xxServerError()) {
            return Mono.error(new ServiceErrorException(status.value()));
        }
        return Mono.empty();
    }

    private static boolean bypassesCache(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getValuesAsList(HttpHeaders.CACHE_CONTROL).stream()
                .anyMatch(directive -> directive.trim().equalsIgnoreCase(CacheControl.noCache().getHeaderValue()));
    }

    private static boolean onRecommendationsRoute(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null && ROUTE_ID.equals(route.getId());
    }
}
