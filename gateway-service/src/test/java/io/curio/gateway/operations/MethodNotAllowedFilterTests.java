package io.curio.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.curio.gateway.problem.ProblemResponses;

class MethodNotAllowedFilterTests {

    private final MethodNotAllowedFilter filter = new MethodNotAllowedFilter(new ProblemResponses(new JsonMapper()));

    private final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();

    private final WebFilterChain chain = exchange -> {
        forwarded.set(exchange);
        return Mono.empty();
    };

    @Test
    void refusesPostToRecommendationsNamingTheAllowedMethods() {
        // given
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/recommendations"));

        // when
        filter.filter(exchange, chain).block(Duration.ofSeconds(10));

        // then
        assertThat(forwarded.get()).isNull();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(exchange.getResponse().getHeaders().getAllow()).containsExactly(HttpMethod.GET);
    }

    @Test
    void passesTheEndpointsOwnMethodAndOtherPaths() {
        // when
        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.post("/v1/events")), chain)
                .block(Duration.ofSeconds(10));
        ServerWebExchange events = forwarded.getAndSet(null);
        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.delete("/v1/experiments/x")), chain)
                .block(Duration.ofSeconds(10));

        // then
        assertThat(events).isNotNull();
        assertThat(forwarded.get()).isNotNull();
    }
}
