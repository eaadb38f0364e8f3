package io.curio.gateway.firewall;

import java.net.URI;

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
 * Answers 414 with a problem when the path and query together are longer than {@link #MAX_URI_LENGTH}. Netty's
 * own request-line limit sits well above it, so that such requests reach this filter instead of being cut off
 * with an empty answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UriLengthFilter implements WebFilter {

    static final int MAX_URI_LENGTH = 8 * 1024;

    private final ProblemResponses problems;

    UriLengthFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (uriLength(exchange.getRequest().getURI()) > MAX_URI_LENGTH) {
            return problems.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long",
                    "The path and query are over " + MAX_URI_LENGTH + " characters");
        }
        return chain.filter(exchange);
    }

    static int uriLength(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery();
        return path.length() + (query == null ? 0 : query.length() + 1);
    }
}
