package io.curio.gateway.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Calls a gateway port over HTTP/1.1, every call bounded in time so that a lost answer fails the test instead of
 * holding up the build.
 */
final class GatewayHttp {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final int port;

    GatewayHttp(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path) {
        return send(path, request -> request.GET());
    }

    HttpResponse<String> get(String path, String token) {
        return send(path, request -> request.GET().header("Authorization", "Bearer " + token));
    }

    HttpResponse<String> send(String path, UnaryOperator<HttpRequest.Builder> customizer) {
        HttpRequest request = customizer.apply(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(CALL_TIMEOUT)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("call to " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + path, ex);
        }
    }
}
