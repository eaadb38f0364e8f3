package io.curio.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the services behind the gateway on 127.0.0.1: answers every request with the method, path and
 * headers it received, as JSON, and echoes the {@code X-Request-Id} it received as the services do. A path ending
 * in {@code /fail} answers 500 instead.
 */
public final class EchoServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;

    private EchoServer(HttpServer server) {
        this.server = server;
    }

    public static EchoServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", EchoServer::echo);
            server.start();
            return new EchoServer(server);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot start the echo server", ex);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    private static void echo(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
        byte[] body = JSON.writeValueAsString(Map.of(
                "method", exchange.getRequestMethod(),
                "path", exchange.getRequestURI().getPath(),
                "headers", headers)).getBytes(StandardCharsets.UTF_8);
        int status = exchange.getRequestURI().getPath().endsWith("/fail") ? 500 : 200;
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
