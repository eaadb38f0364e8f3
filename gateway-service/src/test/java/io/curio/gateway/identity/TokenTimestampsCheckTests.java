package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TokenTimestampsCheckTests {

    private static final long NOW = 1_796_000_000L;

    private final TokenTimestampsCheck check =
            new TokenTimestampsCheck(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void acceptsTokenWithinItsLifetime() {
        // when
        Map<String, Object> claims = check.convert(Map.of("sub", "42", "iat", NOW - 10, "exp", NOW + 600));

        // then
        assertThat(claims).containsEntry("exp", Instant.ofEpochSecond(NOW + 600));
    }

    @Test
    void toleratesClocksSlightlyApart() {
        assertThat(check.convert(Map.of("iat", NOW + 30, "nbf", NOW + 30, "exp", NOW - 30))).hasSize(3);
    }

    @Test
    void rejectsExpiredToken() {
        assertThatExceptionOfType(InvalidTokenTimestampsException.class)
                .isThrownBy(() -> check.convert(Map.of("exp", NOW - 120)))
                .withMessage("token has expired");
    }

    @Test
    void rejectsTokenNotValidYet() {
        assertThatExceptionOfType(InvalidTokenTimestampsException.class)
                .isThrownBy(() -> check.convert(Map.of("nbf", NOW + 120, "exp", NOW + 600)))
                .withMessage("token is not valid yet");
    }

    @Test
    void rejectsTokenIssuedInTheFuture() {
        assertThatExceptionOfType(InvalidTokenTimestampsException.class)
                .isThrownBy(() -> check.convert(Map.of("iat", NOW + 3600, "exp", NOW + 600)))
                .withMessage("token issued in the future");
    }
}
