package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.EchoServer;
import io.curio.gateway.PerRunRateLimits;

/**
 * The identity provider rotates its signing key: the gateway fetches the JWK set again when a token names a key
 * it does not hold, accepts the new key at once, and refuses the old one once the set no longer has it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class JwkSetRotationIT {

    private static final RSAKey KEY_A = LoopbackIdentityProvider.rsaKey("key-a");

    private static final ECKey KEY_B = LoopbackIdentityProvider.ecKey("key-b");

    private static final LoopbackIdentityProvider IDENTITY_PROVIDER = new LoopbackIdentityProvider(KEY_A);

    private static final EchoServer SERVICES = EchoServer.start();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void useIdentityProvider(DynamicPropertyRegistry registry) {
        IDENTITY_PROVIDER.register(registry);
        PerRunRateLimits.register(registry);
        registry.add("curio.services.inference-url", SERVICES::url);
        // no pause between fetches, so that the rotation needs no waiting; the pause is proven on its own
        registry.add("curio.gateway.jwt.jwk-set-refetch-interval", () -> "0s");
    }

    @AfterAll
    static void stopServers() {
        IDENTITY_PROVIDER.stop();
        SERVICES.stop();
    }

    @Test
    void acceptsTheNewKeyAtOnceAndRefusesTheOldOneOnceRemoved() {
        // given
        HttpStatus beforeRotation = statusFor(KEY_A, JWSAlgorithm.RS256);
        int fetchesBeforeRotation = IDENTITY_PROVIDER.fetches();

        // when
        IDENTITY_PROVIDER.publish(KEY_B);
        HttpStatus newKey = statusFor(KEY_B, JWSAlgorithm.ES256);
        int fetchesForNewKey = IDENTITY_PROVIDER.fetches() - fetchesBeforeRotation;
        HttpStatus newKeyAgain = statusFor(KEY_B, JWSAlgorithm.ES256);
        HttpStatus oldKey = statusFor(KEY_A, JWSAlgorithm.RS256);

        // then
        assertThat(beforeRotation).isEqualTo(HttpStatus.OK);
        assertThat(newKey).isEqualTo(HttpStatus.OK);
        assertThat(fetchesForNewKey).isEqualTo(1);
        assertThat(newKeyAgain).isEqualTo(HttpStatus.OK);
        assertThat(oldKey).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private HttpStatus statusFor(JWK key, JWSAlgorithm algorithm) {
        String token = LoopbackIdentityProvider.sign(LoopbackIdentityProvider.claims("42", "free", "recs:read"),
                algorithm, key);
        return HttpStatus.valueOf(client.get().uri("/v1/recommendations")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value());
    }
}
