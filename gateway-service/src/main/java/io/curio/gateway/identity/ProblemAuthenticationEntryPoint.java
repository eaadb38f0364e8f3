package io.curio.gateway.identity;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.curio.gateway.problem.ProblemResponses;

/**
 * Answers requests without a valid token: 401 with the reason the token was refused, or 503 when tokens cannot
 * be verified at all (the identity provider's keys are unreachable), since the caller is not at fault then.
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private static final String DECODE_ERROR_PREFIX = "An error occurred while attempting to decode the Jwt: ";

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        if (ex instanceof AuthenticationServiceException) {
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable",
                    "Tokens cannot be verified at the moment");
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", describe(ex));
    }

    private static String describe(AuthenticationException ex) {
        if (!(ex instanceof OAuth2AuthenticationException oauth)) {
            return "A bearer token is required";
        }
        String description = oauth.getError().getDescription();
        if (!StringUtils.hasText(description)) {
            return "The bearer token is not valid";
        }
        return description.startsWith(DECODE_ERROR_PREFIX)
                ? description.substring(DECODE_ERROR_PREFIX.length())
                : description;
    }
}
