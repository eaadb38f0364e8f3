package io.curio.gateway.identity;

import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * How tokens are verified. With a JWK set URI the gateway accepts only RS256 and ES256 tokens signed by the
 * identity provider, and then requires an issuer and an audience to check; without one, only HS256 tokens signed
 * with the shared secret.
 *
 * @param secret the HS256 secret for local runs, at least 32 bytes
 * @param jwkSetUri the identity provider's JWKS address; when set, the secret is not accepted
 * @param issuer the required {@code iss}; required with a JWK set URI, checked whenever set
 * @param audience the required {@code aud} entry; required with a JWK set URI, checked whenever set
 * @param jwkSetRefetchInterval the shortest time between two fetches of the JWK set, 30 s when not set
 */
@ConfigurationProperties("curio.gateway.jwt")
public record JwtProperties(String secret, String jwkSetUri, String issuer, String audience,
        Duration jwkSetRefetchInterval) {

    static final int MIN_SECRET_BYTES = 32;

    static final Duration DEFAULT_REFETCH_INTERVAL = Duration.ofSeconds(30);

    public JwtProperties {
        jwkSetRefetchInterval = jwkSetRefetchInterval == null ? DEFAULT_REFETCH_INTERVAL : jwkSetRefetchInterval;
        if (jwkSetRefetchInterval.isNegative()) {
            throw new IllegalArgumentException("curio.gateway.jwt.jwk-set-refetch-interval must not be negative, "
                    + "was " + jwkSetRefetchInterval);
        }
        if (!StringUtils.hasText(jwkSetUri) && !StringUtils.hasText(secret)) {
            throw new IllegalArgumentException("Set curio.gateway.jwt.jwk-set-uri (CURIO_JWT_JWK_SET_URI) "
                    + "or curio.gateway.jwt.secret (CURIO_JWT_SECRET): the gateway cannot verify tokens without one");
        }
        if (StringUtils.hasText(jwkSetUri)) {
            requireHttpUri(jwkSetUri);
            requireWithJwkSet(issuer, "issuer (CURIO_JWT_ISSUER)");
            requireWithJwkSet(audience, "audience (CURIO_JWT_AUDIENCE)");
        }
        else if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("curio.gateway.jwt.secret must be at least " + MIN_SECRET_BYTES
                    + " bytes for HS256, was " + secret.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    public boolean usesJwkSet() {
        return StringUtils.hasText(jwkSetUri);
    }

    private static void requireWithJwkSet(String value, String name) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalArgumentException("Set curio.gateway.jwt." + name + " too: with a JWK set URI the "
                    + "identity provider signs tokens for other issuers and audiences, which must not pass here");
        }
    }

    private static void requireHttpUri(String jwkSetUri) {
        URI uri = URI.create(jwkSetUri);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("curio.gateway.jwt.jwk-set-uri must be an http(s) URI, was '"
                    + jwkSetUri + "'");
        }
    }
}
