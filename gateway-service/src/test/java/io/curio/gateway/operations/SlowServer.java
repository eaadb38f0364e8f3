package io.curio.gateway.operations;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service on 127.0.0.1 that waits before answering every request, to run into the gateway's response timeout.
 */
final class SlowServer {

    private final HttpServer server;

    private SlowServer(HttpServer server) {
        this.server = server;
    }

    static SlowServer start(Duration delay) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> answerLate(exchange, delay));
            server.start();
            return new SlowServer(server);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot start the slow server", ex);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    private static void answerLate(HttpExchange exchange, Duration delay) throws IOException {
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
