package io.curio.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Cursor-paged attribute endpoints on loopback, two items a page, as the integration tests' source of
 * book and user attributes. The books endpoint names its collection with an {@code ETag} and answers
 * {@code 304} to it; the users endpoint sends no version and can be made to fail.
 */
final class AttributeEndpoints {

    static final List<String> BOOKS = List.of(
            "{\"bookId\":\"1\",\"title\":\"The Hunger Games\",\"authors\":[\"Suzanne Collins\"],\"year\":2008}",
            "{\"bookId\":\"2\",\"title\":\"Harry Potter\",\"authors\":[\"J.K. Rowling\"],\"year\":1997}",
            "{\"bookId\":\"3\",\"title\":\"Twilight\",\"authors\":[\"Stephenie Meyer\"],\"year\":2005}");

    static final String BOOKS_ETAG = "\"books-1\"";

    static final List<String> USERS = List.of("{\"userId\":\"1\",\"plan\":\"free\",\"language\":\"eng\"}");

    private static volatile boolean usersFailing;

    private final HttpServer server;

    private AttributeEndpoints(HttpServer server) {
        this.server = server;
    }

    static AttributeEndpoints start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/books", AttributeEndpoints::books);
            server.createContext("/users", (exchange) -> {
                if (usersFailing) {
                    respond(exchange, 500, "{\"error\":\"down\"}");
                }
                else {
                    page(exchange, USERS);
                }
            });
            server.start();
            return new AttributeEndpoints(server);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static void failUsers(boolean failing) {
        usersFailing = failing;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
    }

    void stop() {
        this.server.stop(0);
    }

    private static void books(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("ETag", BOOKS_ETAG);
        if (BOOKS_ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        page(exchange, BOOKS);
    }

    private static void page(HttpExchange exchange, List<String> items) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        int from = (query != null && query.contains("cursor=")) ? Integer.parseInt(query.replaceAll(".*cursor=(\\d+).*",
                "$1")) : 0;
        int to = Math.min(from + 2, items.size());
        String next = (to < items.size()) ? "\"" + to + "\"" : "null";
        respond(exchange, 200, "{\"items\":[" + String.join(",", items.subList(from, to)) + "],\"nextCursor\":" + next
                + "}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

}
