package io.curio.gateway.identity;

import static io.curio.gateway.identity.IdentityExchanges.expectIdentityOfReader42;
import static io.curio.gateway.identity.IdentityExchanges.expectRefused;
import static io.curio.gateway.identity.IdentityExchanges.headersBehindSpoofedCall;

import java.util.stream.Stream;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.EchoServer;
import io.curio.gateway.TestRoutes;
import io.curio.gateway.TestTokens;

/**
 * Local identity: HS256 tokens signed with the shared secret, here with an issuer and audience configured too, and
 * every other token refused with the reason, asymmetric ones included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class LocalIdentityIT {

    private static final String ISSUER = "https://local.curio.test/";

    private static final String AUDIENCE = "curio-local-api";

    private static final EchoServer SERVICES = EchoServer.start();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void useLocalSecret(DynamicPropertyRegistry registry) {
        TestRoutes.routeAllTo(registry, SERVICES::url);
        registry.add("curio.gateway.jwt.jwk-set-uri", () -> "");
        registry.add("curio.gateway.jwt.secret", () -> TestTokens.LOCAL_SECRET);
        registry.add("curio.gateway.jwt.issuer", () -> ISSUER);
        registry.add("curio.gateway.jwt.audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @Test
    void acceptsHs256TokenAndSetsIdentityFromIt() {
        expectIdentityOfReader42(headersBehindSpoofedCall(client, TestTokens.hs256(claims())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesToken(String refused, String token, String detail) {
        expectRefused(client, token, detail);
    }

    static Stream<Arguments> refusedTokens() {
        Stream<Arguments> signatures = Stream.of(
                Arguments.of("bad signature", TestTokens.hs256(claims(),
                        "another-secret-of-at-least-thirty-two-bytes"), "token signature is not valid"),
                Arguments.of("RS256", ProviderKeys.rs256(claims(), ProviderKeys.rsa("rsa-1")),
                        "token algorithm is not accepted"),
                Arguments.of("ES256", ProviderKeys.es256(claims(), ProviderKeys.ec("ec-1")),
                        "token algorithm is not accepted"));
        return Stream.concat(RefusedTokens.forClaims(LocalIdentityIT::claims, TestTokens::hs256), signatures);
    }

    private static JWTClaimsSet.Builder claims() {
        return TestTokens.claims("42", "premium", "recs:read").issuer(ISSUER).audience(AUDIENCE);
    }
}
