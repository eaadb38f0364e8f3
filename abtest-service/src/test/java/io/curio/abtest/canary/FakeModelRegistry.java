package io.curio.abtest.canary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for inference-service's model registry on a free loopback port: {@code GET /admin/models} answers
 * the JSON and status it was given, and {@code POST …/activate} is recorded and answered with the status it was
 * given. After {@link #reset()} it serves {@link #SERVING} of every algorithm the service knows by default.
 */
public final class FakeModelRegistry {

    private static FakeModelRegistry running;

    private final HttpServer server;

    private final List<String> activations = new CopyOnWriteArrayList<>();

    /** The version every algorithm serves after a reset. */
    public static final String SERVING = "2026-12-04T10-00-00Z";

    private static final String EVERY_ALGORITHM = List.of("popularity", "item-neighbours", "ease", "als", "content",
            "blend")
        .stream()
        .map((algorithm) -> """
                {"algorithm":"%s","serving":"%s","versions":[{"version":"%s","complete":true,"serving":true}]}"""
            .formatted(algorithm, SERVING, SERVING))
        .collect(Collectors.joining(",", "[", "]"));

    private volatile String models = EVERY_ALGORITHM;

    private volatile int modelsStatus = 200;

    private volatile int activationStatus = 200;

    private FakeModelRegistry(HttpServer server) {
        this.server = server;
    }

    /** The one registry of the test JVM, started on first use. */
    public static synchronized FakeModelRegistry instance() {
        if (running == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                running = new FakeModelRegistry(server);
                server.createContext("/admin/models", running::answer);
                server.start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return running;
    }

    public String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    public void models(String json) {
        this.models = json;
    }

    /** Answers {@code GET /admin/models} with this status from now on. */
    public void modelsStatus(int status) {
        this.modelsStatus = status;
    }

    void activationStatus(int status) {
        this.activationStatus = status;
    }

    List<String> activations() {
        return List.copyOf(this.activations);
    }

    public void reset() {
        this.models = EVERY_ALGORITHM;
        this.modelsStatus = 200;
        this.activationStatus = 200;
        this.activations.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/activate")) {
            this.activations.add(path);
            respond(exchange, this.activationStatus, "{}");
        }
        else {
            respond(exchange, this.modelsStatus, this.models);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

}
