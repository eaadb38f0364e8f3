package io.curio.gateway.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.curio.gateway.TestTokens;

/**
 * An identity provider on 127.0.0.1 for tests: serves a JWK set of keys it generates at {@code /jwks}, can
 * switch to another set to rotate keys, counts how often the set was fetched, and signs tokens naming their key.
 */
final class LoopbackIdentityProvider {

    static final String ISSUER = "https://id.curio.test/";

    static final String AUDIENCE = "curio-public-api";

    private final HttpServer server;

    private final AtomicReference<byte[]> jwkSet = new AtomicReference<>();

    private final AtomicInteger fetches = new AtomicInteger();

    LoopbackIdentityProvider(JWK... keys) {
        publish(keys);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot serve the JWK set", ex);
        }
        server.createContext("/jwks", this::serve);
        server.start();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** Points the gateway at this provider, with its issuer and audience. */
    void register(DynamicPropertyRegistry registry) {
        registry.add("curio.gateway.jwt.jwk-set-uri", this::jwkSetUri);
        registry.add("curio.gateway.jwt.issuer", () -> ISSUER);
        registry.add("curio.gateway.jwt.audience", () -> AUDIENCE);
    }

    /** Claims this provider would put in a token for {@code user}. */
    static JWTClaimsSet.Builder claims(String user, String plan, String scope) {
        return TestTokens.claims(user, plan, scope).issuer(ISSUER).audience(AUDIENCE);
    }

    /** Serves these keys' public halves from now on, and only them. */
    void publish(JWK... keys) {
        List<JWK> published = List.of(keys).stream().map(JWK::toPublicJWK).toList();
        jwkSet.set(new JWKSet(published).toString().getBytes(StandardCharsets.UTF_8));
    }

    int fetches() {
        return fetches.get();
    }

    void stop() {
        server.stop(0);
    }

    static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot generate an RSA key", ex);
        }
    }

    static ECKey ecKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot generate an EC key", ex);
        }
    }

    /** A token signed by {@code key} with {@code algorithm}, naming the key in {@code kid}. */
    static String sign(JWTClaimsSet.Builder claims, JWSAlgorithm algorithm, JWK key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(signerOf(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot sign a test token", ex);
        }
        return jwt.serialize();
    }

    private static JWSSigner signerOf(JWK key) throws JOSEException {
        return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
    }

    private void serve(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        byte[] body = jwkSet.get();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
