package io.curio.gateway.identity;

import static io.curio.gateway.identity.IdentityExchanges.expectRefused;
import static io.curio.gateway.identity.ProductionIdentity.claims;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.EchoServer;
import io.curio.gateway.TestRoutes;

/**
 * Key rotation at the identity provider: once the provider swaps its signing key, tokens naming the new key are
 * accepted after the gateway fetches the set again (at most once per refetch interval, a second here), and tokens
 * signed with the retired key are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class JwkSetRotationIT {

    private static final RSAKey RETIRED_KEY = ProviderKeys.rsa("2026-11");

    private static final ECKey NEW_KEY = ProviderKeys.ec("2026-12");

    private static final LoopbackIdentityProvider PROVIDER = LoopbackIdentityProvider.serving(RETIRED_KEY);

    private static final EchoServer SERVICES = EchoServer.start();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void useIdentityProvider(DynamicPropertyRegistry registry) {
        TestRoutes.routeAllTo(registry, SERVICES::url);
        ProductionIdentity.useProvider(registry, PROVIDER, "1s");
    }

    @AfterAll
    static void stopServers() {
        PROVIDER.stop();
        SERVICES.stop();
    }

    @Test
    void acceptsNewKeyAfterRefetchAndRefusesRetiredOne() {
        // given
        String retired = ProviderKeys.rs256(claims(), RETIRED_KEY);
        String rotated = ProviderKeys.es256(claims(), NEW_KEY);
        assertThat(status(retired)).isEqualTo(200);

        // when
        PROVIDER.serve(NEW_KEY);

        // then
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> status(rotated) == 200);
        expectRefused(client, retired, "token signature is not valid");
    }

    private int status(String token) {
        return client.get().uri("/v1/recommendations")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value();
    }
}
