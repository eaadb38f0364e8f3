package io.curio.localstack.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON over HTTP/1.1 to the stack's own processes on loopback.
 */
public final class HttpJson {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();

    /**
     * A response: its status and body, parsed when it is JSON.
     * @param status the HTTP status
     * @param body the raw body
     * @param json the parsed body, or a missing node
     */
    public record Reply(int status, String body, JsonNode json) {

        public boolean ok() {
            return this.status >= 200 && this.status < 300;
        }

        public String text(String field) {
            JsonNode node = this.json.path(field);
            return (node.isMissingNode() || node.isNull()) ? null : node.asString();
        }

    }

    public Reply get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    /** A GET that a cache on the way must not answer, for polls that wait for a state to change. */
    public Reply getUncached(String url, String token) {
        return send(request(url, token).header("Cache-Control", "no-cache").GET().build());
    }

    public Reply post(String url, String token, Object body) {
        String json = (body != null) ? JsonFiles.MAPPER.writeValueAsString(body) : "";
        return send(request(url, token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    /** The reply, or empty when nothing answers at the address. */
    public Optional<Reply> tryGet(String url) {
        try {
            return Optional.of(get(url, null));
        }
        catch (UnreachableException ex) {
            return Optional.empty();
        }
    }

    private HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
            .header("Accept", "application/json");
        return (token != null) ? builder.header("Authorization", "Bearer " + token) : builder;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), parse(response.body()));
        }
        catch (IOException ex) {
            throw new UnreachableException(request.method() + " " + request.uri() + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted during " + request.method() + " " + request.uri(), ex);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return (body == null || body.isBlank()) ? MissingNode.getInstance() : JsonFiles.MAPPER.readTree(body);
        }
        catch (JacksonException ex) {
            return MissingNode.getInstance();
        }
    }

    /** Nothing answered at the address, or the connection broke. */
    public static class UnreachableException extends RuntimeException {

        public UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
