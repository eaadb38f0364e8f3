package io.curio.localstack.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves {@code GET /books} and {@code GET /users}: pages of at most {@code limit} items with an opaque
 * {@code nextCursor}. Every page names the version of the whole collection, an {@code ETag} and a
 * {@code Last-Modified} (when the server started), and any page answers {@code 304} to a matching
 * {@code If-None-Match}, or without one to an {@code If-Modified-Since} not before that time. Every
 * error is {@code application/problem+json}.
 */
final class AttributeHandler implements HttpHandler {

    static final int DEFAULT_LIMIT = 500;

    static final int MAX_LIMIT = 1000;

    private static final String PROBLEM_PREFIX = "urn:curio:problem:";

    /** The one date format HTTP senders must use (IMF-fixdate, RFC 9110). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
        .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
        .withZone(ZoneOffset.UTC);

    private static final Logger logger = LoggerFactory.getLogger(AttributeHandler.class);

    private final Map<String, List<?>> entities;

    private final Map<String, CollectionVersion> versions;

    private final JsonMapper json = JsonMapper.builder().build();

    AttributeHandler(Dataset dataset, Instant servedSince) {
        this.entities = Map.of("/books", dataset.books(), "/users", dataset.readers());
        this.versions = Map.of("/books", version(dataset.books(), servedSince), "/users",
                version(dataset.readers(), servedSince));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            respond(exchange);
        }
        catch (BadParameterException ex) {
            problem(exchange, 400, "invalid-parameter", "Invalid parameter", ex.getMessage());
        }
        catch (RuntimeException ex) {
            logger.warn("Could not answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), ex);
            problem(exchange, 500, "internal", "Internal error", "the page could not be built");
        }
        finally {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        List<?> items = this.entities.get(path);
        if (items == null) {
            problem(exchange, 404, "not-found", "Not found", "no attribute endpoint at " + path);
            return;
        }
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            problem(exchange, 405, "method-not-allowed", "Method not allowed", method + " is not supported");
            return;
        }
        byte[] body = page(path.substring(1), items, query(exchange.getRequestURI().getRawQuery()));
        sendPage(exchange, body, this.versions.get(path));
    }

    private byte[] page(String entity, List<?> items, Map<String, String> query) {
        int limit = limit(query.get("limit"));
        int offset = offset(entity, query.get("cursor"), items.size());
        int end = Math.min(items.size(), offset + limit);
        String next = (end < items.size()) ? PageCursor.encode(entity, end) : null;
        return this.json.writeValueAsBytes(new Page(items.subList(offset, end), next));
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
            throw new BadParameterException("limit must be an integer 1.." + MAX_LIMIT + ", not '" + shorten(text)
                    + "'");
        }
        return Integer.parseInt(text);
    }

    private static int offset(String entity, String cursor, int size) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        return PageCursor.decode(entity, cursor, size)
            .orElseThrow(() -> new BadParameterException("cursor '" + shorten(cursor)
                    + "' is not a cursor of this endpoint; start again without a cursor"));
    }

    private static void sendPage(HttpExchange exchange, byte[] body, CollectionVersion version) throws IOException {
        exchange.getResponseHeaders().set("ETag", version.etag());
        exchange.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(version.lastModified()));
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        if (version.notModifiedFor(exchange.getRequestHeaders())) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 200, body);
    }

    private void problem(HttpExchange exchange, int status, String type, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_PREFIX + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        send(exchange, status, this.json.writeValueAsBytes(problem));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode((equals < 0) ? pair : pair.substring(0, equals));
            String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            throw new BadParameterException("the query string is not URL-encoded correctly");
        }
    }

    private CollectionVersion version(List<?> items, Instant servedSince) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.json.writeValueAsBytes(items));
            String etag = "\"" + HexFormat.of().formatHex(Arrays.copyOf(digest, 16)) + "\"";
            return new CollectionVersion(etag, servedSince.truncatedTo(ChronoUnit.SECONDS));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

    private static String shorten(String text) {
        return (text.length() <= 64) ? text : text.substring(0, 64) + "…";
    }

    /**
     * The version of a whole collection, the same on every page.
     *
     * @param etag the strong entity tag, a digest of every item
     * @param lastModified when the collection was last changed, in whole seconds
     */
    record CollectionVersion(String etag, Instant lastModified) {

        /** Whether the request's conditions say the client already holds this version. */
        boolean notModifiedFor(Headers request) {
            List<String> ifNoneMatch = request.get("If-None-Match");
            if (ifNoneMatch != null) {
                return ifNoneMatch.stream()
                    .flatMap((header) -> Arrays.stream(header.split(",")))
                    .map(String::strip)
                    .map((tag) -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch((tag) -> tag.equals(this.etag) || tag.equals("*"));
            }
            String ifModifiedSince = request.getFirst("If-Modified-Since");
            return ifModifiedSince != null && !this.lastModified.isAfter(httpDate(ifModifiedSince));
        }

        private static Instant httpDate(String text) {
            try {
                return DateTimeFormatter.RFC_1123_DATE_TIME.parse(text, Instant::from);
            }
            catch (DateTimeParseException ex) {
                return Instant.MIN;
            }
        }

    }

    /** One page of an attribute endpoint. */
    record Page(List<?> items, String nextCursor) {
    }

    /** A query parameter the endpoint cannot use; the message names it. */
    private static final class BadParameterException extends RuntimeException {

        BadParameterException(String message) {
            super(message, null, false, false);
        }

    }

}
