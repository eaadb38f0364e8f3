package io.curio.gateway.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.params.provider.Arguments;

import io.curio.gateway.TestTokens;

/**
 * Tokens signed as the gateway expects but refused for their claims or their missing signature, with the reason
 * the gateway gives, in either mode: each mode signs them its own way.
 */
final class RefusedTokens {

    private RefusedTokens() {
    }

    static Stream<Arguments> forClaims(Supplier<JWTClaimsSet.Builder> claims,
            Function<JWTClaimsSet.Builder, String> sign) {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("expired", sign.apply(claims.get()
                        .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                        .expirationTime(Date.from(now.minus(Duration.ofHours(1))))), "token has expired"),
                Arguments.of("not valid yet", sign.apply(claims.get()
                        .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5))))), "token is not valid yet"),
                Arguments.of("wrong issuer", sign.apply(claims.get().issuer("https://elsewhere.test/")),
                        "The iss claim is not valid"),
                Arguments.of("wrong audience", sign.apply(claims.get().audience("another-api")),
                        "The aud claim is not valid"),
                Arguments.of("no sub", sign.apply(claims.get().subject(null)), "sub is required, was 'null'"),
                Arguments.of("alg none", TestTokens.unsigned(claims.get()), "token algorithm is not accepted"));
    }
}
