package io.curio.gateway.edge;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.curio.gateway.problem.ProblemResponses;

/**
 * Answers 413 with a problem, before routing, for a request body over {@code curio.gateway.max-request-body-size}.
 * A declared {@code Content-Length} is checked unread; a body without one (chunked) is read up to the limit
 * first, so that the service behind the route never sees part of an oversized body. Runs after the security
 * chain, so a caller without a valid token makes the gateway read nothing.
 */
@Component
class RequestBodyLimitFilter implements WebFilter {

    static final String DETAIL = "The request body is over the limit";

    private final int maxBytes;

    private final ProblemResponses problems;

    RequestBodyLimitFilter(EdgeProperties properties, ProblemResponses problems) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 1, properties.maxRequestBodySize().toBytes());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > this.maxBytes) {
            return tooLarge(exchange);
        }
        if (declared >= 0 || !isChunked(request)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), this.maxBytes)
                .map(body -> exchange.mutate().request(withBody(request, body)).build())
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter)
                .onErrorResume(DataBufferLimitException.class, ex -> tooLarge(exchange));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return this.problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "content-too-large", DETAIL);
    }

    private static boolean isChunked(ServerHttpRequest request) {
        String encoding = request.getHeaders().getFirst("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase().contains("chunked");
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(body);
            }
        };
    }
}
