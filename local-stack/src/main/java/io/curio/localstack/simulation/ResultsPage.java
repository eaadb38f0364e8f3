package io.curio.localstack.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The experiment's results and the registry's offline metrics, read through the gateway with an
 * {@code experiments:admin} token.
 */
final class ResultsPage {

    static final String RECALL = "recall@20";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();

    private final String gateway;

    private final String experiment;

    private final String adminToken;

    ResultsPage(String gateway, String experiment, String adminToken) {
        this.gateway = gateway;
        this.experiment = experiment;
        this.adminToken = adminToken;
    }

    String resultsUrl() {
        return this.gateway + "/v1/experiments/" + this.experiment + "/results";
    }

    /** The results as JSON text. */
    String json() {
        HttpResponse<String> response = send(resultsUrl(), "application/json");
        if (response.statusCode() != 200) {
            throw new SimulationUnavailableException("GET " + resultsUrl() + " answered HTTP "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The results page as HTML, or empty when the service does not answer it with 200. */
    Optional<String> html() {
        HttpResponse<String> response = send(resultsUrl(), "text/html");
        return (response.statusCode() == 200) ? Optional.of(response.body()) : Optional.empty();
    }

    /** Recall@20 of every stored model version, by {@code algorithm@version}, and of the served one by algorithm. */
    Map<String, Double> offlineRecall() {
        HttpResponse<String> response = send(this.gateway + "/v1/admin/models", "application/json");
        Map<String, Double> recall = new HashMap<>();
        if (response.statusCode() != 200) {
            return recall;
        }
        for (JsonNode algorithm : JSON.readTree(response.body())) {
            String name = algorithm.path("algorithm").asString();
            String serving = algorithm.path("serving").asString("");
            for (JsonNode version : algorithm.path("versions")) {
                JsonNode value = version.path("metrics").path(RECALL);
                if (value.isNumber()) {
                    recall.put(name + "@" + version.path("version").asString(), value.asDouble());
                    if (serving.equals(version.path("version").asString())) {
                        recall.put(name, value.asDouble());
                    }
                }
            }
        }
        return recall;
    }

    static void save(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    private HttpResponse<String> send(String url, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
            .header("Accept", accept).header("Authorization", "Bearer " + this.adminToken).GET().build();
        try {
            return this.client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new SimulationUnavailableException("GET " + url + " failed: " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SimulationUnavailableException("interrupted during GET " + url);
        }
    }

}
