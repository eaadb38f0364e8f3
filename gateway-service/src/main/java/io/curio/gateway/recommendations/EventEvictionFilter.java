package io.curio.gateway.recommendations;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.curio.gateway.identity.CallerAuthentication;

/**
 * Evicts a user's cached lists as soon as ingestion-service accepts one of their events ({@code POST /v1/events}
 * answered 2xx), before the answer reaches the caller, so the next list they ask for reflects what they just did.
 * The user is the validated caller; the request body is not read.
 */
public class EventEvictionFilter implements GlobalFilter, Ordered {

    private static final String EVENTS = "/v1/events";

    private final RecommendationCache cache;

    public EventEvictionFilter(RecommendationCache cache) {
        this.cache = cache;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!HttpMethod.POST.equals(exchange.getRequest().getMethod())
                || !EVENTS.equals(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return CallerAuthentication.callerOf(exchange)
                .doOnNext(caller -> caller.ifPresent(known -> evictWhenAccepted(exchange, known.userId())))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    private void evictWhenAccepted(ServerWebExchange exchange, String userId) {
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            if (status != null && status.is2xxSuccessful()) {
                cache.evictUser(userId);
            }
            return Mono.empty();
        });
    }
}
