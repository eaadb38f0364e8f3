package io.curio.gateway.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * How tokens are verified. With a JWK set URI the gateway accepts only RS256 tokens signed by the identity
 * provider; without one, only HS256 tokens signed with the shared secret.
 *
 * @param secret the HS256 secret for local runs, at least 32 bytes
 * @param jwkSetUri the identity provider's JWKS address; when set, the secret is not accepted
 * @param issuer the required {@code iss}, checked when set
 * @param audience the required {@code aud} entry, checked when set
 */
@ConfigurationProperties("curio.gateway.jwt")
public record JwtProperties(String secret, String jwkSetUri, String issuer, String audience) {

    static final int MIN_SECRET_BYTES = 32;

    public JwtProperties {
        if (!StringUtils.hasText(jwkSetUri) && !StringUtils.hasText(secret)) {
            throw new IllegalArgumentException("Set curio.gateway.jwt.jwk-set-uri (CURIO_JWT_JWK_SET_URI) "
                    + "or curio.gateway.jwt.secret (CURIO_JWT_SECRET): the gateway cannot verify tokens without one");
        }
        if (StringUtils.hasText(jwkSetUri)) {
            requireHttpUri(jwkSetUri);
        }
        else if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("curio.gateway.jwt.secret must be at least " + MIN_SECRET_BYTES
                    + " bytes for HS256, was " + secret.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    public boolean usesJwkSet() {
        return StringUtils.hasText(jwkSetUri);
    }

    private static void requireHttpUri(String jwkSetUri) {
        URI uri = URI.create(jwkSetUri);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("curio.gateway.jwt.jwk-set-uri must be an http(s) URI, was '"
                    + jwkSetUri + "'");
        }
    }
}
