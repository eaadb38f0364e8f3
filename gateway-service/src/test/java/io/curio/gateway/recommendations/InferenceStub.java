package io.curio.gateway.recommendations;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for inference-service (and ingestion-service) on 127.0.0.1: serves a fixed fallback list, and
 * recommendation lists that are personalized, failing with 500 or held until {@link #stop()}, as set.
 */
final class InferenceStub {

    enum Mode { ANSWER, FAIL, HOLD }

    static final String LIST_VERSION = "2026-12-04T09-00-00Z";

    private static final String FALLBACK_LIST = "{\"algorithm\":\"popularity\",\"version\":\"" + LIST_VERSION
            + "\",\"items\":[{\"bookId\":\"1\",\"title\":\"One\",\"authors\":[\"A\"],\"score\":3.0},"
            + "{\"bookId\":\"2\",\"title\":\"Two\",\"authors\":[\"B\"],\"score\":2.0},"
            + "{\"bookId\":\"3\",\"title\":\"Three\",\"authors\":[\"C\"],\"score\":1.0}]}";

    private final HttpServer server;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    private final CountDownLatch released = new CountDownLatch(1);

    private final AtomicInteger recommendationCalls = new AtomicInteger();

    private volatile Mode mode = Mode.ANSWER;

    private final boolean servesFallbackList;

    private InferenceStub(boolean servesFallbackList) {
        this.servesFallbackList = servesFallbackList;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot start the inference stub", ex);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static InferenceStub withFallbackList() {
        return new InferenceStub(true);
    }

    static InferenceStub withoutFallbackList() {
        return new InferenceStub(false);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    int recommendationCalls() {
        return recommendationCalls.get();
    }

    void stop() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/internal/fallback-list")) {
            send(exchange, servesFallbackList ? 200 : 503, servesFallbackList ? FALLBACK_LIST : "{}");
        }
        else if (path.equals("/v1/recommendations")) {
            recommendationCalls.incrementAndGet();
            recommend(exchange);
        }
        else {
            send(exchange, 202, "{}");
        }
    }

    private void recommend(HttpExchange exchange) throws IOException {
        if (mode == Mode.HOLD) {
            awaitRelease();
        }
        if (mode == Mode.FAIL) {
            send(exchange, 500, "{}");
            return;
        }
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        String userId = exchange.getRequestHeaders().getFirst("X-User-Id");
        send(exchange, 200, "{\"requestId\":\"" + requestId + "\",\"userId\":\"" + userId + "\",\"surface\":\"home\","
                + "\"experiment\":null,\"model\":{\"algorithm\":\"ease\",\"version\":\"v1\"},\"degraded\":false,"
                + "\"items\":[{\"bookId\":\"9\",\"title\":\"Nine\",\"authors\":[],\"score\":0.5}]}");
    }

    private void awaitRelease() {
        try {
            released.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
