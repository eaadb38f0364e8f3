package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import tools.jackson.databind.json.JsonMapper;

import io.curio.gateway.problem.ProblemResponses;

class ProblemAuthenticationEntryPointTests {

    private final ProblemAuthenticationEntryPoint entryPoint =
            new ProblemAuthenticationEntryPoint(new ProblemResponses(JsonMapper.builder().build()));

    private final MockServerWebExchange exchange =
            MockServerWebExchange.from(MockServerHttpRequest.get("/v1/recommendations"));

    @Test
    void answersMissingTokenWithUnauthorizedProblem() {
        // when
        entryPoint.commence(exchange, new AuthenticationCredentialsNotFoundException("none")).block();

        // then
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"detail\":\"A bearer token is required\"");
    }

    @Test
    void namesTheReasonTheTokenWasRefused() {
        // given
        InvalidBearerTokenException refused = new InvalidBearerTokenException(
                "An error occurred while attempting to decode the Jwt: Jwt expired at 2026-12-04T10:00:00Z");

        // when
        entryPoint.commence(exchange, refused).block();

        // then
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"detail\":\"Jwt expired at 2026-12-04T10:00:00Z\"");
    }

    @Test
    void answersUnverifiableTokensWithServiceUnavailable() {
        // given
        AuthenticationServiceException keysUnreachable =
                new AuthenticationServiceException("Couldn't retrieve remote JWK set: http://idp.internal/jwks");

        // when
        entryPoint.commence(exchange, keysUnreachable).block();

        // then
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("urn:curio:problem:identity-unavailable")
                .doesNotContain("idp.internal");
    }
}
