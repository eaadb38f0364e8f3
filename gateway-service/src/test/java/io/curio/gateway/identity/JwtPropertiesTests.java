package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class JwtPropertiesTests {

    private static final String LOCAL_SECRET = "curio-local-development-secret-0123456789abcdef";

    @Test
    void refusesNeitherSecretNorJwkSet() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties("", "", null, null))
                .withMessageContaining("CURIO_JWT_JWK_SET_URI")
                .withMessageContaining("CURIO_JWT_SECRET");
    }

    @Test
    void refusesSecretShorterThan256Bits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties("too-short", null, null, null))
                .withMessageContaining("was 9");
    }

    @Test
    void refusesJwkSetUriThatIsNotHttp() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties(null, "file:///etc/jwks.json", null, null))
                .withMessageContaining("file:///etc/jwks.json");
    }

    @Test
    void prefersJwkSetOverSecret() {
        // when
        JwtProperties properties = new JwtProperties(LOCAL_SECRET, "https://id.example/jwks", null, null);

        // then
        assertThat(properties.usesJwkSet()).isTrue();
    }

    @Test
    void usesSecretWithoutJwkSet() {
        assertThat(new JwtProperties(LOCAL_SECRET, "", null, null).usesJwkSet()).isFalse();
    }
}
