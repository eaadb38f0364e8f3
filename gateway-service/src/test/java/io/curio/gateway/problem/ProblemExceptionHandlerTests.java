package io.curio.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

class ProblemExceptionHandlerTests {

    private final ProblemExceptionHandler handler = new ProblemExceptionHandler(
            new ProblemResponses(new JsonMapper()));

    @Test
    void answersAFailureInsideTheGatewayWith500WithoutItsMessage() {
        // when
        MockServerWebExchange exchange = handle(new IllegalStateException("secret internal state at db-7:5432"));

        // then
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(exchange)).contains("urn:curio:problem:internal-error")
                .doesNotContain("secret").doesNotContain("IllegalStateException");
    }

    @Test
    void answersTheRoutesTimeoutWith504SayingSo() {
        // when
        MockServerWebExchange exchange = handle(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
                "Response took longer than timeout: PT5S"));

        // then
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(body(exchange)).contains("urn:curio:problem:gateway-timeout")
                .contains("did not answer in time").doesNotContain("PT5S");
    }

    @Test
    void answersARefusedConnectionWith503() {
        // when
        MockServerWebExchange exchange = handle(new IllegalStateException(new ConnectException("refused")));

        // then
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(body(exchange)).contains("urn:curio:problem:service-unavailable");
    }

    private MockServerWebExchange handle(Throwable failure) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/recommendations"));
        handler.handle(exchange, failure).block(Duration.ofSeconds(10));
        return exchange;
    }

    private static String body(MockServerWebExchange exchange) {
        return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(10));
    }
}
