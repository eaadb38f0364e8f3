package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class JwtPropertiesTests {

    private static final String LOCAL_SECRET = "curio-local-development-secret-0123456789abcdef";

    private static final String ISSUER = "https://id.example/";

    private static final String AUDIENCE = "curio-public-api";

    @Test
    void refusesNeitherSecretNorJwkSet() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties("", "", null, null, null))
                .withMessageContaining("CURIO_JWT_JWK_SET_URI")
                .withMessageContaining("CURIO_JWT_SECRET");
    }

    @Test
    void refusesSecretShorterThan256Bits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties("too-short", null, null, null, null))
                .withMessageContaining("was 9");
    }

    @Test
    void refusesJwkSetUriThatIsNotHttp() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties(null, "file:///etc/jwks.json", ISSUER, AUDIENCE, null))
                .withMessageContaining("file:///etc/jwks.json");
    }

    @Test
    void refusesJwkSetWithoutAudience() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties(null, "https://id.example/jwks", ISSUER, " ", null))
                .withMessageContaining("CURIO_JWT_AUDIENCE");
    }

    @Test
    void refusesJwkSetWithoutIssuer() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties(null, "https://id.example/jwks", null, AUDIENCE, null))
                .withMessageContaining("CURIO_JWT_ISSUER");
    }

    @Test
    void prefersJwkSetOverSecret() {
        // when
        JwtProperties properties =
                new JwtProperties(LOCAL_SECRET, "https://id.example/jwks", ISSUER, AUDIENCE, null);

        // then
        assertThat(properties.usesJwkSet()).isTrue();
    }

    @Test
    void fetchesTheJwkSetAtMostEvery30SecondsByDefault() {
        assertThat(new JwtProperties(LOCAL_SECRET, null, null, null, null).jwkSetRefetchInterval())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesNegativeRefetchInterval() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties(LOCAL_SECRET, null, null, null, Duration.ofSeconds(-1)))
                .withMessageContaining("jwk-set-refetch-interval");
    }

    @Test
    void usesSecretWithoutJwkSet() {
        assertThat(new JwtProperties(LOCAL_SECRET, "", null, null, null).usesJwkSet()).isFalse();
    }
}
