package io.curio.gateway.edge;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes {@code Forwarded} and {@code X-Forwarded-*} headers sent by a caller that is not a trusted proxy, so
 * that no one can claim another client address, scheme or host to the services.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class UntrustedForwardedHeadersFilter implements WebFilter {

    static final List<String> FORWARDED_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix");

    private final TrustedProxies trustedProxies;

    UntrustedForwardedHeadersFilter(EdgeProperties properties) {
        this.trustedProxies = new TrustedProxies(properties.trustedProxies());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (this.trustedProxies.trusts(exchange.getRequest().getRemoteAddress()) || !carriesForwarded(exchange)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> FORWARDED_HEADERS.forEach(headers::remove)))
                .build());
    }

    private static boolean carriesForwarded(ServerWebExchange exchange) {
        return FORWARDED_HEADERS.stream().anyMatch(exchange.getRequest().getHeaders()::containsHeader);
    }
}
