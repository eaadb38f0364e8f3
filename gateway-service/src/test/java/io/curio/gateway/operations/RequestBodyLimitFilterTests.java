package io.curio.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.curio.gateway.problem.ProblemResponses;

class RequestBodyLimitFilterTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(
            new OperationsProperties(DataSize.ofBytes(10),
                    new OperationsProperties.ResponseTimeouts(Duration.ofSeconds(10), 5000)),
            new ProblemResponses(new JsonMapper()));

    private final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();

    private final WebFilterChain chain = exchange -> {
        forwarded.set(exchange);
        return Mono.empty();
    };

    @Test
    void refusesDeclaredLengthOverTheLimitUnread() {
        // given
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/events")
                .contentLength(11)
                .body(Flux.error(new AssertionError("the body must not be read"))));

        // when
        filter.filter(exchange, chain).block(WAIT);

        // then
        assertThat(forwarded.get()).isNull();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(exchange.getResponse().getBodyAsString().block(WAIT)).contains("over 10 bytes");
    }

    @Test
    void refusesChunkedBodyOnceItGrowsOverTheLimit() {
        // given
        MockServerWebExchange exchange = chunked("12345", "67890", "1");

        // when
        filter.filter(exchange, chain).block(WAIT);

        // then
        assertThat(forwarded.get()).isNull();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void passesChunkedBodyAtTheLimitWhole() {
        // given
        MockServerWebExchange exchange = chunked("12345", "67890");

        // when
        filter.filter(exchange, chain).block(WAIT);

        // then
        DataBuffer body = DataBufferUtils.join(forwarded.get().getRequest().getBody()).block(WAIT);
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("1234567890");
    }

    @Test
    void passesRequestWithoutBodyUntouched() {
        // given
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/recommendations"));

        // when
        filter.filter(exchange, chain).block(WAIT);

        // then
        assertThat(forwarded.get()).isSameAs(exchange);
    }

    private static MockServerWebExchange chunked(String... chunks) {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> body = Flux.fromArray(chunks)
                .map(chunk -> buffers.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
        return MockServerWebExchange.from(MockServerHttpRequest.post("/v1/events")
                .header("Transfer-Encoding", "chunked")
                .body(body));
    }
}
