package io.curio.localstack.token;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenMinterTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final TokenMinter minter = new TokenMinter(TokenMinter.LOCAL_SECRET);

    @Test
    void signsWithTheSharedSecretUsingHs256() throws Exception {
        // given
        TokenMinter.TokenRequest request = new TokenMinter.TokenRequest("42", "premium", "recs:read",
                Duration.ofMinutes(5));

        // when
        SignedJWT jwt = SignedJWT.parse(this.minter.mint(request, NOW));

        // then
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(TokenMinter.LOCAL_SECRET))).isTrue();
        assertThat(jwt.verify(new MACVerifier("another-secret-of-at-least-thirty-two-bytes!!"))).isFalse();
    }

    @Test
    void carriesSubjectPlanScopeAndLifetime() throws Exception {
        TokenMinter.TokenRequest request = new TokenMinter.TokenRequest("42", "premium", "recs:read events:write",
                Duration.ofMinutes(5));

        JWTClaimsSet claims = SignedJWT.parse(this.minter.mint(request, NOW)).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("42");
        assertThat(claims.getStringClaim("plan")).isEqualTo("premium");
        assertThat(claims.getStringClaim("scope")).isEqualTo("recs:read events:write");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(300)));
    }

    @Test
    void commandDefaultsToFreePlanUserScopesAndOneHour() throws Exception {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TokenCommand command = new TokenCommand(this.minter, Clock.fixed(NOW, ZoneOffset.UTC));

        // when
        command.run(List.of("7"), new PrintStream(out, true, StandardCharsets.UTF_8));

        // then
        JWTClaimsSet claims = SignedJWT.parse(out.toString(StandardCharsets.UTF_8).trim()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("plan")).isEqualTo("free");
        assertThat(claims.getStringClaim("scope")).isEqualTo("recs:read events:write");
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(3600)));
    }

    @Test
    void rejectsUnknownPlan() {
        assertThatThrownBy(() -> new TokenMinter.TokenRequest("42", "gold", "recs:read", Duration.ofHours(1)))
            .hasMessageContaining("was 'gold'");
    }

    @Test
    void rejectsSecretTooShortForHs256() {
        assertThatThrownBy(() -> new TokenMinter("short")).hasMessageContaining("at least 32 bytes");
    }

}
