package io.curio.gateway.operations;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import io.curio.gateway.problem.ProblemResponses;

/**
 * Answers 431 with a problem when the request's headers together are longer than {@link #MAX_HEADER_BYTES}.
 * Netty's own limit ({@code server.max-http-request-header-size}) sits above it, so that such requests reach this
 * filter instead of being refused with an empty answer; only headers beyond Netty's limit still are.
 */
@Component
class HeaderSizeFilter implements WebFilter, Ordered {

    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final ProblemResponses problems;

    HeaderSizeFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // after the request id and the URI length check, before the token is read
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (headerBytes(exchange.getRequest().getHeaders()) > MAX_HEADER_BYTES) {
            return problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "request-header-fields-too-large", "The request headers are over " + MAX_HEADER_BYTES + " bytes");
        }
        return chain.filter(exchange);
    }

    /** The headers' size as sent: each line's name, value and the four bytes of ": " and CRLF. */
    static long headerBytes(HttpHeaders headers) {
        long bytes = 0;
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + value.length() + 4;
            }
        }
        return bytes;
    }
}
