package io.curio.ingestion.attributes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A cursor-paged attribute endpoint on loopback whose answers the tests set: the items, the
 * collection version headers, failing answers and oversized pages. It remembers the request headers
 * it saw.
 */
final class FakeAttributeEndpoint implements AutoCloseable {

    private final HttpServer server;

    private final List<Headers> requests = new CopyOnWriteArrayList<>();

    private final Deque<Integer> failures = new ArrayDeque<>();

    private volatile List<String> items = List.of();

    private volatile List<String> etags = List.of();

    private volatile String lastModified;

    private volatile long paddingBytes;

    private volatile boolean lengthKnown = true;

    private FakeAttributeEndpoint(HttpServer server) {
        this.server = server;
    }

    static FakeAttributeEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeAttributeEndpoint endpoint = new FakeAttributeEndpoint(server);
            server.createContext("/books", endpoint::answer);
            server.start();
            return endpoint;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/books");
    }

    FakeAttributeEndpoint serving(String... items) {
        this.items = List.of(items);
        return this;
    }

    /** The ETag of the collection, one per request in turn; the last one repeats. */
    FakeAttributeEndpoint withETags(String... etags) {
        this.etags = new CopyOnWriteArrayList<>(etags);
        return this;
    }

    FakeAttributeEndpoint withLastModified(String lastModified) {
        this.lastModified = lastModified;
        return this;
    }

    /** Answers the next requests with these statuses before serving pages again. */
    synchronized FakeAttributeEndpoint failingWith(Integer... statuses) {
        this.failures.addAll(List.of(statuses));
        return this;
    }

    /** Pads every page with whitespace, announcing its length or streaming it in chunks. */
    FakeAttributeEndpoint padded(long bytes, boolean announceLength) {
        this.paddingBytes = bytes;
        this.lengthKnown = announceLength;
        return this;
    }

    List<Headers> requests() {
        return new ArrayList<>(this.requests);
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        this.requests.add(exchange.getRequestHeaders());
        Integer failure = nextFailure();
        String etag = nextETag();
        if (failure != null) {
            send(exchange, failure, "{\"error\":\"down\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        versionHeaders(exchange, etag);
        if (etag != null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        if (etag == null && this.lastModified != null
                && this.lastModified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        sendPage(exchange);
    }

    private synchronized Integer nextFailure() {
        return this.failures.poll();
    }

    private synchronized String nextETag() {
        if (this.etags.isEmpty()) {
            return null;
        }
        return (this.etags.size() > 1) ? this.etags.remove(0) : this.etags.get(0);
    }

    private void versionHeaders(HttpExchange exchange, String etag) {
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        if (this.lastModified != null) {
            exchange.getResponseHeaders().set("Last-Modified", this.lastModified);
        }
    }

    private void sendPage(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        int limit = Integer.parseInt(query.replaceAll(".*limit=(\\d+).*", "$1"));
        int from = query.contains("cursor=") ? Integer.parseInt(query.replaceAll(".*cursor=(\\d+).*", "$1")) : 0;
        int to = Math.min(from + limit, this.items.size());
        String next = (to < this.items.size()) ? "\"" + to + "\"" : "null";
        String page = "{\"items\":[" + String.join(",", this.items.subList(from, to)) + "],\"nextCursor\":" + next;
        byte[] head = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        long length = head.length + this.paddingBytes + 1;
        exchange.sendResponseHeaders(200, this.lengthKnown ? length : 0);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(head);
            writePadding(body);
            body.write('}');
        }
        catch (IOException ex) {
            // the client stopped reading an oversized page, as it should
        }
    }

    private void writePadding(OutputStream body) throws IOException {
        byte[] spaces = " ".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        for (long left = this.paddingBytes; left > 0; left -= spaces.length) {
            body.write(spaces, 0, (int) Math.min(left, spaces.length));
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

}
