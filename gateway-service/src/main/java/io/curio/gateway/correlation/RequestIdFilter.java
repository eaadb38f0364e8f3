package io.curio.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when it is a UUID, a new one otherwise. The id goes
 * to the service behind the route and back to the caller, errors included, once even when that service echoes
 * it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    public static final String REQUEST_ID = "X-Request-Id";

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = requestIdFor(exchange.getRequest().getHeaders().getFirst(REQUEST_ID));
        exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
        exchange.getResponse().beforeCommit(() -> keepOnlyOurs(exchange, requestId));
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(REQUEST_ID, requestId)))
                .build());
    }

    /** The service behind the route may echo the id too; the caller gets exactly one, the one sent there. */
    private static Mono<Void> keepOnlyOurs(ServerWebExchange exchange, String requestId) {
        exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
        return Mono.empty();
    }

    static String requestIdFor(String offered) {
        return offered != null && UUID_FORM.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }
}
