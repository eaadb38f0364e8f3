package io.curio.gateway.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How tokens are verified. With a JWK set URI the gateway accepts only RS256 and ES256 tokens signed by the
 * identity provider, and then requires an issuer and an audience; without one, only HS256 tokens signed with the
 * shared secret.
 *
 * @param secret the HS256 secret for local runs, at least 32 bytes
 * @param jwkSetUri the identity provider's JWKS address; when set, the secret is not accepted
 * @param issuer the required {@code iss}; required itself when a JWK set URI is set
 * @param audience the required {@code aud} entry; required itself when a JWK set URI is set
 * @param jwkSetRefetchInterval the shortest time between two fetches of the JWK set, so that tokens naming
 * unknown keys cannot make the gateway call the identity provider on every request
 */
@ConfigurationProperties("curio.gateway.jwt")
public record JwtProperties(String secret, String jwkSetUri, String issuer, String audience,
        @DefaultValue("30s") Duration jwkSetRefetchInterval) {

    static final int MIN_SECRET_BYTES = 32;

    public JwtProperties {
        if (!StringUtils.hasText(jwkSetUri) && !StringUtils.hasText(secret)) {
            throw new IllegalArgumentException("Set curio.gateway.jwt.jwk-set-uri (CURIO_JWT_JWK_SET_URI) "
                    + "or curio.gateway.jwt.secret (CURIO_JWT_SECRET): the gateway cannot verify tokens without one");
        }
        if (StringUtils.hasText(jwkSetUri)) {
            requireHttpUri(jwkSetUri);
            requireForJwkSet(issuer, "curio.gateway.jwt.issuer (CURIO_JWT_ISSUER)");
            requireForJwkSet(audience, "curio.gateway.jwt.audience (CURIO_JWT_AUDIENCE)");
        }
        else if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("curio.gateway.jwt.secret must be at least " + MIN_SECRET_BYTES
                    + " bytes for HS256, was " + secret.getBytes(StandardCharsets.UTF_8).length);
        }
        if (jwkSetRefetchInterval == null || jwkSetRefetchInterval.isNegative()) {
            throw new IllegalArgumentException("curio.gateway.jwt.jwk-set-refetch-interval must be zero or more, was "
                    + jwkSetRefetchInterval);
        }
    }

    public boolean usesJwkSet() {
        return StringUtils.hasText(jwkSetUri);
    }

    /** The {@code alg} header values accepted: RS256 and ES256 with a JWK set, HS256 with the secret. */
    public Set<String> acceptedAlgorithms() {
        return usesJwkSet() ? Set.of("RS256", "ES256") : Set.of("HS256");
    }

    private static void requireHttpUri(String jwkSetUri) {
        URI uri = URI.create(jwkSetUri);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("curio.gateway.jwt.jwk-set-uri must be an http(s) URI, was '"
                    + jwkSetUri + "'");
        }
    }

    private static void requireForJwkSet(String value, String property) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalArgumentException("Set " + property + " when curio.gateway.jwt.jwk-set-uri "
                    + "(CURIO_JWT_JWK_SET_URI) is set: tokens from the identity provider are accepted only for "
                    + "the expected issuer and audience");
        }
    }
}
