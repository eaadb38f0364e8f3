package io.curio.gateway.identity;

import static io.curio.gateway.identity.IdentityExchanges.expectIdentityOfReader42;
import static io.curio.gateway.identity.IdentityExchanges.expectRefused;
import static io.curio.gateway.identity.IdentityExchanges.headersBehindSpoofedCall;
import static io.curio.gateway.identity.ProductionIdentity.claims;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
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
 * Production identity: RS256 and ES256 tokens checked against an identity provider's JWKS served on 127.0.0.1,
 * with issuer and audience required, and every other token refused with the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class JwkSetIdentityIT {

    private static final RSAKey RSA_KEY = ProviderKeys.rsa("rsa-1");

    private static final ECKey EC_KEY = ProviderKeys.ec("ec-1");

    private static final LoopbackIdentityProvider PROVIDER = LoopbackIdentityProvider.serving(RSA_KEY, EC_KEY);

    private static final EchoServer SERVICES = EchoServer.start();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void useIdentityProvider(DynamicPropertyRegistry registry) {
        TestRoutes.routeAllTo(registry, SERVICES::url);
        ProductionIdentity.useProvider(registry, PROVIDER, "10m");
    }

    @AfterAll
    static void stopServers() {
        PROVIDER.stop();
        SERVICES.stop();
    }

    @Test
    void acceptsRs256TokenAndSetsIdentityFromIt() {
        expectIdentityOfReader42(headersBehindSpoofedCall(client, ProviderKeys.rs256(claims(), RSA_KEY)));
    }

    @Test
    void acceptsEs256TokenAndSetsIdentityFromIt() {
        expectIdentityOfReader42(headersBehindSpoofedCall(client, ProviderKeys.es256(claims(), EC_KEY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesToken(String refused, String token, String detail) {
        expectRefused(client, token, detail);
    }

    static Stream<Arguments> refusedTokens() {
        RSAKey strangerRsa = ProviderKeys.rsa(RSA_KEY.getKeyID());
        ECKey strangerEc = ProviderKeys.ec(EC_KEY.getKeyID());
        Stream<Arguments> signatures = Stream.of(
                Arguments.of("bad RS256 signature", ProviderKeys.rs256(claims(), strangerRsa),
                        "token signature is not valid"),
                Arguments.of("bad ES256 signature", ProviderKeys.es256(claims(), strangerEc),
                        "token signature is not valid"),
                Arguments.of("HS256 with the local secret", TestTokens.hs256(claims()),
                        "token algorithm is not accepted"),
                Arguments.of("HS256 keyed with the provider's public key", publicKeyAsSecret(),
                        "token algorithm is not accepted"),
                Arguments.of("RS256 naming the EC key", ProviderKeys.sign(claims(), JWSAlgorithm.RS256,
                        EC_KEY.getKeyID(), ProviderKeys.signer(strangerRsa)), "token signature is not valid"),
                Arguments.of("ES256 naming the RSA key", ProviderKeys.sign(claims(), JWSAlgorithm.ES256,
                        RSA_KEY.getKeyID(), ProviderKeys.signer(strangerEc)), "token signature is not valid"),
                Arguments.of("unknown key id", ProviderKeys.rs256(claims(), ProviderKeys.rsa("retired-0")),
                        "token signature is not valid"));
        return Stream.concat(RefusedTokens.forClaims(ProductionIdentity::claims,
                signed -> ProviderKeys.rs256(signed, RSA_KEY)), signatures);
    }

    @Test
    void fetchesJwkSetAtMostOnceForManyUnknownKeyIds() throws Exception {
        // given
        expectIdentityOfReader42(headersBehindSpoofedCall(client, ProviderKeys.rs256(claims(), RSA_KEY)));
        RSAKey unknown = ProviderKeys.rsa("unused");
        int fetchesBefore = PROVIDER.fetches();

        // when
        List<Integer> statuses = sendConcurrently(Stream.generate(() -> ProviderKeys.sign(claims(),
                JWSAlgorithm.RS256, UUID.randomUUID().toString(), ProviderKeys.signer(unknown))).limit(50).toList());

        // then
        assertThat(statuses).hasSize(50).containsOnly(401);
        assertThat(PROVIDER.fetches() - fetchesBefore).isLessThanOrEqualTo(1);
    }

    private List<Integer> sendConcurrently(List<String> tokens) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (String token : tokens) {
                calls.add(callers.submit(() -> client.get().uri("/v1/recommendations")
                        .headers(headers -> headers.setBearerAuth(token))
                        .exchange()
                        .returnResult(Void.class)
                        .getStatus()
                        .value()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        }
        finally {
            callers.shutdownNow();
        }
    }

    private static String publicKeyAsSecret() {
        byte[] secret = RSA_KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        try {
            return ProviderKeys.sign(claims(), JWSAlgorithm.HS256, RSA_KEY.getKeyID(), new MACSigner(secret));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot build an HS256 signer", ex);
        }
    }
}
