package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import tools.jackson.databind.json.JsonMapper;

import io.curio.gateway.TestTokens;
import io.curio.gateway.problem.ProblemResponses;

class ProblemAuthenticationEntryPointTests {

    private final ProblemAuthenticationEntryPoint entryPoint =
            new ProblemAuthenticationEntryPoint(new ProblemResponses(JsonMapper.builder().build()), Set.of("HS256"));

    private final MockServerWebExchange exchange =
            MockServerWebExchange.from(MockServerHttpRequest.get("/v1/recommendations"));

    private static InvalidBearerTokenException refusedBecause(Exception cause) {
        BadJwtException decoding = new BadJwtException(
                "An error occurred while attempting to decode the Jwt: " + cause.getMessage(), cause);
        return new InvalidBearerTokenException(decoding.getMessage(), decoding);
    }

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
    void describesUnparsableTokenWithoutTheParsersMessage() {
        // given
        InvalidBearerTokenException refused = refusedBecause(
                new ParseException("Invalid unsecured/JWS/JWE header: Invalid JSON object", 0));

        // when
        entryPoint.commence(exchange, refused).block();

        // then
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"detail\":\"token is malformed\"")
                .doesNotContain("JWS");
    }

    @Test
    void namesTheTimestampThatRefusedTheToken() {
        // given
        InvalidBearerTokenException refused =
                refusedBecause(new InvalidTokenTimestampsException("token issued in the future"));

        // when
        entryPoint.commence(exchange, refused).block();

        // then
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"detail\":\"token issued in the future\"");
    }

    @Test
    void namesTheClaimThatRefusedTheToken() {
        // given
        OAuth2Error error = new OAuth2Error("invalid_token", "plan must be 'free' or 'premium', was 'gold'", null);
        InvalidBearerTokenException refused =
                refusedBecause(new JwtValidationException("plan is not valid", List.of(error)));

        // when
        entryPoint.commence(exchange, refused).block();

        // then
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"detail\":\"plan must be 'free' or 'premium', was 'gold'\"");
    }

    @Test
    void describesUnknownFailureWithoutItsMessage() {
        // given
        InvalidBearerTokenException refused =
                refusedBecause(new IllegalArgumentException("expiresAt must be after issuedAt"));

        // when
        entryPoint.commence(exchange, refused).block();

        // then
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"detail\":\"token is not valid\"")
                .doesNotContain("expiresAt");
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

    @Test
    void namesTheAlgorithmWhenTheGatewayDoesNotAcceptIt() {
        // given
        String token = TestTokens.unsigned(TestTokens.claims("42", null, null));
        MockServerWebExchange unsigned = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/recommendations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token));

        // when
        entryPoint.commence(unsigned, refusedBecause(new ParseException("Unsupported algorithm of none", 0))).block();

        // then
        assertThat(unsigned.getResponse().getBodyAsString().block())
                .contains("\"detail\":\"token algorithm is not accepted\"")
                .doesNotContain("Unsupported");
    }
}
