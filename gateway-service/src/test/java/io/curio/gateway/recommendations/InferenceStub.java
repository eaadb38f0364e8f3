package io.curio.gateway.recommendations;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for inference-service (and ingestion-service's event endpoint) on 127.0.0.1: answers lists in the
 * public shape, or slowly, or with 500s, as a test sets it, and counts the list requests it received. Its fallback
 * list ranks two premium-only books above the others.
 */
final class InferenceStub {

    /** How the stub answers {@code GET /v1/recommendations}. */
    enum Behaviour {
        FRESH, DEGRADED, SLOW, FAILING, REFUSING
    }

    static final List<String> PREMIUM_BOOKS = List.of("p1", "p2");

    static final List<String> FREE_BOOKS = List.of("f1", "f2", "f3");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration SLOW_ANSWER = Duration.ofSeconds(4);

    private final HttpServer server;

    private final ExecutorService executor;

    private final AtomicInteger listRequests = new AtomicInteger();

    private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(Behaviour.FRESH);

    private InferenceStub(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static InferenceStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool();
            InferenceStub stub = new InferenceStub(server, executor);
            server.createContext("/", stub::answer);
            server.setExecutor(executor);
            server.start();
            return stub;
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot start the inference stub", ex);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void behave(Behaviour next) {
        behaviour.set(next);
    }

    int listRequests() {
        return listRequests.get();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/internal/fallback-list")) {
            send(exchange, 200, fallbackList());
        }
        else if (path.equals("/v1/events")) {
            send(exchange, 202, Map.of("accepted", 1, "rejected", List.of()));
        }
        else if (path.equals("/v1/recommendations")) {
            listRequests.incrementAndGet();
            answerList(exchange);
        }
        else {
            send(exchange, 404, Map.of("status", 404));
        }
    }

    private void answerList(HttpExchange exchange) throws IOException {
        Behaviour now = behaviour.get();
        if (now == Behaviour.FAILING || now == Behaviour.REFUSING) {
            int status = now == Behaviour.FAILING ? 500 : 400;
            send(exchange, status, Map.of("status", status));
            return;
        }
        if (now == Behaviour.SLOW) {
            pause();
        }
        send(exchange, 200, list(exchange, now == Behaviour.DEGRADED));
    }

    private static Map<String, Object> list(HttpExchange exchange, boolean degraded) {
        String query = exchange.getRequestURI().getQuery();
        return Map.of(
                "requestId", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")),
                "userId", String.valueOf(exchange.getRequestHeaders().getFirst("X-User-Id")),
                "surface", "home",
                "model", Map.of("algorithm", "ease", "version", "v1"),
                "degraded", degraded,
                "query", String.valueOf(query),
                "items", List.of(Map.of("bookId", "e1", "title", "Personal", "authors", List.of("A"), "score", 0.9)));
    }

    private static Map<String, Object> fallbackList() {
        List<Map<String, Object>> items = new ArrayList<>();
        PREMIUM_BOOKS.forEach(book -> items.add(book(book, true)));
        FREE_BOOKS.forEach(book -> items.add(book(book, false)));
        return Map.of("model", Map.of("algorithm", "popularity", "version", "2026-12-04T10-00-00Z"), "items", items);
    }

    private static Map<String, Object> book(String bookId, boolean premiumOnly) {
        return Map.of("bookId", bookId, "title", "Title " + bookId, "authors", List.of("Author " + bookId),
                "score", 1.0, "premiumOnly", premiumOnly);
    }

    private static void pause() {
        try {
            Thread.sleep(SLOW_ANSWER.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
