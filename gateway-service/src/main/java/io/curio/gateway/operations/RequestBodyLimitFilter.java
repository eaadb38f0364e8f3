package io.curio.gateway.operations;

import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
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
 * Answers 413 with a problem for a request body over {@code curio.gateway.max-body-size}, before any service sees
 * it. A declared {@code Content-Length} is checked without reading the body. A body of unknown length (chunked) is
 * read into memory up to the limit and passed on only once complete, so that a service never receives the start
 * of an oversized body; the limit bounds that memory. Runs after the security chain, so that nothing is read for a
 * caller without a valid token.
 */
@Component
class RequestBodyLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    private final ProblemResponses problems;

    RequestBodyLimitFilter(OperationsProperties properties, ProblemResponses problems) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return OperationsOrder.AFTER_SECURITY + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange);
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .map(body -> Optional.of(withBody(exchange, body)))
                .defaultIfEmpty(Optional.of(exchange))
                .onErrorReturn(DataBufferLimitException.class, Optional.empty())
                .flatMap(buffered -> buffered.map(chain::filter).orElseGet(() -> tooLarge(exchange)));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
                "The request body is over " + maxBytes + " bytes");
    }

    private static ServerWebExchange withBody(ServerWebExchange exchange, DataBuffer body) {
        ServerHttpRequest buffered = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(body);
            }
        };
        return exchange.mutate().request(buffered).build();
    }
}
