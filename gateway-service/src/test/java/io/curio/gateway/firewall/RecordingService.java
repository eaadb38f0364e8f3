package io.curio.gateway.firewall;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for every service behind the gateway on 127.0.0.1 and keeps the raw path of each request that reached
 * it, so that a test can tell whether the gateway let a request through.
 */
final class RecordingService {

    private final HttpServer server;

    private final List<String> received = new CopyOnWriteArrayList<>();

    private RecordingService(HttpServer server) {
        this.server = server;
    }

    static RecordingService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            RecordingService service = new RecordingService(server);
            server.createContext("/", service::record);
            server.start();
            return service;
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot start the recording service", ex);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> received() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
    }

    void stop() {
        server.stop(0);
    }

    private void record(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        received.add(exchange.getRequestURI().getRawPath());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
