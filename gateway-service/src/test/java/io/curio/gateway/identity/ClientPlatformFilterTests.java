package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.curio.gateway.problem.ProblemResponses;

class ClientPlatformFilterTests {

    private final ClientPlatformFilter filter = new ClientPlatformFilter(new ProblemResponses(new JsonMapper()));

    private final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();

    private final GatewayFilterChain chain = exchange -> {
        forwarded.set(exchange);
        return Mono.empty();
    };

    @Test
    void forwardsTheClientPlatformInLowerCaseAsTheUsersPlatform() {
        MockServerWebExchange exchange = exchange("/v1/recommendations", "iOS");

        filter.filter(exchange, chain).block();

        assertThat(forwarded.get().getRequest().getHeaders().getFirst("X-User-Platform")).isEqualTo("ios");
        assertThat(forwarded.get().getRequest().getHeaders().containsHeader("X-Client-Platform")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "web app", "a-very-long-platform-name-over-32-chars", "ios;x", "<script>", "" })
    void rejectsAPlatformOutsideItsPatternNamingTheHeader(String platform) {
        MockServerWebExchange exchange = exchange("/v1/recommendations", platform);

        filter.filter(exchange, chain).block();

        assertThat(forwarded.get()).isNull();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("X-Client-Platform");
    }

    @Test
    void passesRequestsWithoutThePlatformUnchanged() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/recommendations"));

        filter.filter(exchange, chain).block();

        assertThat(forwarded.get()).isSameAs(exchange);
    }

    @Test
    void leavesOtherRoutesAlone() {
        MockServerWebExchange exchange = exchange("/v1/events", "not a platform");

        filter.filter(exchange, chain).block();

        assertThat(forwarded.get()).isSameAs(exchange);
    }

    private static MockServerWebExchange exchange(String path, String platform) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path).header("X-Client-Platform", platform));
    }
}
