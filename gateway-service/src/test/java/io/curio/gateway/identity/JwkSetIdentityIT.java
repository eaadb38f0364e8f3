package io.curio.gateway.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.EchoServer;
import io.curio.gateway.TestTokens;

/**
 * Production identity: RS256 tokens checked against an identity provider's JWKS (served here on 127.0.0.1),
 * with issuer and audience required, and the local HS256 secret no longer accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class JwkSetIdentityIT {

    private static final String ISSUER = "https://id.curio.test/";

    private static final String AUDIENCE = "curio-public-api";

    private static final RSAKey SIGNING_KEY = generateKey();

    private static final HttpServer IDENTITY_PROVIDER = serveJwkSet();

    private static final EchoServer SERVICES = EchoServer.start();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void useIdentityProvider(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> 0);
        registry.add("curio.gateway.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + IDENTITY_PROVIDER.getAddress().getPort() + "/jwks");
        registry.add("curio.gateway.jwt.issuer", () -> ISSUER);
        registry.add("curio.gateway.jwt.audience", () -> AUDIENCE);
        registry.add("curio.services.inference-url", SERVICES::url);
    }

    @AfterAll
    static void stopServers() {
        IDENTITY_PROVIDER.stop(0);
        SERVICES.stop();
    }

    @Test
    void acceptsTokenSignedByIdentityProvider() {
        client.get().uri("/v1/recommendations")
                .headers(bearer(rs256(claims())))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void rejectsTokenFromAnotherIssuer() {
        expectUnauthorized(rs256(claims().issuer("https://elsewhere.test/")));
    }

    @Test
    void rejectsTokenForAnotherAudience() {
        expectUnauthorized(rs256(claims().audience("another-api")));
    }

    @Test
    void rejectsTokenSignedWithLocalSecret() {
        expectUnauthorized(TestTokens.hs256(claims()));
    }

    @Test
    void rejectsTokenSignedByUnknownKey() {
        // given
        RSAKey stranger = generateKey();

        // when / then
        expectUnauthorized(TestTokens.sign(claims(), JWSAlgorithm.RS256, signer(stranger)));
    }

    private void expectUnauthorized(String token) {
        client.get().uri("/v1/recommendations")
                .headers(bearer(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    private static JWTClaimsSet.Builder claims() {
        return TestTokens.claims("42", "premium", "recs:read").issuer(ISSUER).audience(AUDIENCE);
    }

    private static String rs256(JWTClaimsSet.Builder claims) {
        return TestTokens.sign(claims, JWSAlgorithm.RS256, signer(SIGNING_KEY));
    }

    private static RSASSASigner signer(RSAKey key) {
        try {
            return new RSASSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot build an RS256 signer", ex);
        }
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot generate an RSA key", ex);
        }
    }

    private static HttpServer serveJwkSet() {
        byte[] body = new JWKSet(SIGNING_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot serve the JWK set", ex);
        }
    }
}
