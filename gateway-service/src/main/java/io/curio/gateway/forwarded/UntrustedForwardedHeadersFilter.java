package io.curio.gateway.forwarded;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Drops {@code Forwarded} and every {@code X-Forwarded-*} header a caller sends unless the TCP peer is a trusted
 * proxy, first of all filters that read the request, so that neither the gateway nor the services behind it
 * ever act on (or log) an address, host or scheme a client chose. The routes then add the peer's own address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class UntrustedForwardedHeadersFilter implements WebFilter {

    private static final String FORWARDED = "forwarded";

    private static final String X_FORWARDED_PREFIX = "x-forwarded-";

    private final TrustedProxies trustedProxies;

    UntrustedForwardedHeadersFilter(ForwardedHeadersProperties properties) {
        this.trustedProxies = new TrustedProxies(properties.trustedProxies());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> forwarded = forwardedHeaderNames(exchange.getRequest().getHeaders());
        if (forwarded.isEmpty() || trustedProxies.trusts(exchange.getRequest().getRemoteAddress())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> forwarded.forEach(headers::remove)))
                .build());
    }

    private static List<String> forwardedHeaderNames(HttpHeaders headers) {
        return headers.headerNames().stream()
                .filter(name -> isForwarded(name.toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static boolean isForwarded(String name) {
        return FORWARDED.equals(name) || name.startsWith(X_FORWARDED_PREFIX);
    }
}
