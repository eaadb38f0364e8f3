package io.curio.gateway.recommendations;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On the events route: once ingestion-service accepts a user's events (2xx), and before that answer reaches the
 * caller, every cached recommendation list of that user is evicted, so the next request sees the new events.
 */
class EventEvictionFilter implements GlobalFilter, Ordered {

    static final String ROUTE_ID = "events";

    private final ResponseCache cache;

    EventEvictionFilter(ResponseCache cache) {
        this.cache = cache;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!RecommendationsFilter.isRoute(exchange, ROUTE_ID)) {
            return chain.filter(exchange);
        }
        String userId = exchange.getRequest().getHeaders().getFirst(CacheKey.USER_ID);
        if (userId != null) {
            exchange.getResponse().beforeCommit(() -> evictWhenAccepted(exchange, userId));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return RecommendationsFilter.ORDER;
    }

    private Mono<Void> evictWhenAccepted(ServerWebExchange exchange, String userId) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status != null && status.is2xxSuccessful()) {
            cache.evictUser(userId);
        }
        return Mono.empty();
    }
}
