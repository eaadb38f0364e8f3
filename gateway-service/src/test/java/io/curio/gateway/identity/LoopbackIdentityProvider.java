package io.curio.gateway.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An identity provider's JWKS endpoint on 127.0.0.1: serves the public halves of the keys it is given, can swap
 * them at any time, and counts how often the set was fetched.
 */
final class LoopbackIdentityProvider {

    private final HttpServer server;

    private final AtomicReference<byte[]> document = new AtomicReference<>();

    private final AtomicInteger fetches = new AtomicInteger();

    private LoopbackIdentityProvider(HttpServer server) {
        this.server = server;
    }

    static LoopbackIdentityProvider serving(JWK... keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LoopbackIdentityProvider provider = new LoopbackIdentityProvider(server);
            provider.serve(keys);
            server.createContext("/jwks", provider::answer);
            server.start();
            return provider;
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot serve a JWK set on 127.0.0.1", ex);
        }
    }

    /** Serves these keys from now on, as a provider does when it rotates its signing keys. */
    void serve(JWK... keys) {
        List<JWK> publicKeys = List.of(keys).stream().map(JWK::toPublicJWK).toList();
        document.set(new JWKSet(publicKeys).toString().getBytes(StandardCharsets.UTF_8));
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    int fetches() {
        return fetches.get();
    }

    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        byte[] body = document.get();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
