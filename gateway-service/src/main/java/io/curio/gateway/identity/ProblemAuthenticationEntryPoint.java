package io.curio.gateway.identity;

import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTParser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.curio.gateway.problem.ProblemResponses;

/**
 * Answers requests without a valid token: 401 with the reason the token was refused, or 503 when tokens cannot
 * be verified at all (the identity provider's keys are unreachable), since the caller is not at fault then. A
 * token whose header names an algorithm this gateway does not accept ({@code none}, HS256 in production, RS256
 * or ES256 locally) is refused for that reason, whatever else is wrong with it.
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private static final String BEARER_PREFIX = "bearer ";

    private final ProblemResponses problems;

    private final Set<String> acceptedAlgorithms;

    ProblemAuthenticationEntryPoint(ProblemResponses problems, Set<String> acceptedAlgorithms) {
        this.problems = problems;
        this.acceptedAlgorithms = Set.copyOf(acceptedAlgorithms);
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        if (ex instanceof AuthenticationServiceException) {
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable",
                    "Tokens cannot be verified at the moment");
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", describe(ex, exchange));
    }

    private String describe(AuthenticationException ex, ServerWebExchange exchange) {
        if (!(ex instanceof OAuth2AuthenticationException)) {
            return "A bearer token is required";
        }
        if (algorithmOf(exchange).filter(algorithm -> !acceptedAlgorithms.contains(algorithm)).isPresent()) {
            return "token algorithm is not accepted";
        }
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            String reason = reasonOf(cause);
            if (reason != null) {
                return reason;
            }
        }
        return "token is not valid";
    }

    /** The {@code alg} the bearer token's header names, when the token has a header that can be read. */
    private static Optional<String> algorithmOf(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER_PREFIX)) {
            return Optional.empty();
        }
        try {
            String token = authorization.substring(BEARER_PREFIX.length()).strip();
            return Optional.ofNullable(JWTParser.parse(token).getHeader().getAlgorithm()).map(Object::toString);
        }
        catch (ParseException ex) {
            return Optional.empty();
        }
    }

    /** Reasons worded here or by the gateway's own checks; the JWT library's messages never reach the caller. */
    private static String reasonOf(Throwable cause) {
        if (cause instanceof InvalidTokenTimestampsException) {
            return cause.getMessage();
        }
        if (cause instanceof JwtValidationException invalid) {
            return invalid.getErrors().stream()
                    .map(OAuth2Error::getDescription)
                    .filter(StringUtils::hasText)
                    .findFirst()
                    .orElse("token is not valid");
        }
        if (cause instanceof ParseException) {
            return "token is malformed";
        }
        if (cause instanceof JOSEException || cause instanceof BadJOSEException) {
            return "token signature is not valid";
        }
        return null;
    }
}
