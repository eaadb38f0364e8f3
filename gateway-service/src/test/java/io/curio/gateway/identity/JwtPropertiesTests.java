package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class JwtPropertiesTests {

    private static final String LOCAL_SECRET = "curio-local-development-secret-0123456789abcdef";

    private static final String JWK_SET_URI = "https://id.example/jwks";

    private static final Duration REFETCH = Duration.ofSeconds(30);

    @Test
    void refusesNeitherSecretNorJwkSet() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties("", "", null, null, REFETCH))
                .withMessageContaining("CURIO_JWT_JWK_SET_URI")
                .withMessageContaining("CURIO_JWT_SECRET");
    }

    @Test
    void refusesSecretShorterThan256Bits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties("too-short", null, null, null, REFETCH))
                .withMessageContaining("was 9");
    }

    @Test
    void refusesJwkSetUriThatIsNotHttp() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties(null, "file:///etc/jwks.json", "iss", "aud", REFETCH))
                .withMessageContaining("file:///etc/jwks.json");
    }

    @Test
    void refusesJwkSetWithoutIssuer() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties(null, JWK_SET_URI, " ", "curio-public-api", REFETCH))
                .withMessageContaining("curio.gateway.jwt.issuer")
                .withMessageContaining("CURIO_JWT_ISSUER");
    }

    @Test
    void refusesJwkSetWithoutAudience() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties(null, JWK_SET_URI, "https://id.example/", null, REFETCH))
                .withMessageContaining("curio.gateway.jwt.audience")
                .withMessageContaining("CURIO_JWT_AUDIENCE");
    }

    @Test
    void refusesNegativeRefetchInterval() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties(LOCAL_SECRET, null, null, null, Duration.ofSeconds(-1)))
                .withMessageContaining("jwk-set-refetch-interval");
    }

    @Test
    void prefersJwkSetOverSecret() {
        // when
        JwtProperties properties = new JwtProperties(LOCAL_SECRET, JWK_SET_URI, "https://id.example/", "api",
                REFETCH);

        // then
        assertThat(properties.usesJwkSet()).isTrue();
    }

    @Test
    void usesSecretWithoutJwkSet() {
        assertThat(new JwtProperties(LOCAL_SECRET, "", null, null, REFETCH).usesJwkSet()).isFalse();
    }
}
