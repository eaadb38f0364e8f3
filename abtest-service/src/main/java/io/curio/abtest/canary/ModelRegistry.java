package io.curio.abtest.canary;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * inference-service's model registry: which versions of an algorithm exist and which one serves
 * ({@code GET /admin/models}), and serving a promoted version
 * ({@code POST /admin/models/{algorithm}/versions/{version}/activate}).
 */
@Component
public class ModelRegistry {

    private final RestClient inference;

    private final JsonMapper mapper;

    ModelRegistry(CanaryProperties properties, JsonMapper mapper) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.requestTimeout());
        this.inference = RestClient.builder().baseUrl(properties.inferenceUrl().toString())
            .requestFactory(requests)
            .build();
        this.mapper = mapper;
    }

    /** The registry's entry of an algorithm, or empty when it has none. */
    Optional<RegisteredModel> model(String algorithm) {
        return models().stream().filter((model) -> algorithm.equals(model.algorithm())).findFirst();
    }

    /**
     * Every algorithm the registry lists, read at each call.
     * @throws CanaryRefusedException (503) when the registry cannot be read
     */
    public List<RegisteredModel> models() {
        String body = call(() -> this.inference.get().uri("/admin/models").retrieve().body(String.class));
        List<RegisteredModel> models = new ArrayList<>();
        for (JsonNode model : this.mapper.readTree(body)) {
            models.add(RegisteredModel.of(model));
        }
        return models;
    }

    /** Serves a version of an algorithm; throws when inference-service did not. */
    void activate(String algorithm, String version) {
        this.inference.post()
            .uri("/admin/models/{algorithm}/versions/{version}/activate", algorithm, version)
            .retrieve()
            .toBodilessEntity();
    }

    private static String call(RegistryCall call) {
        try {
            return call.body();
        }
        catch (RestClientException ex) {
            throw new CanaryRefusedException(CanaryRefusedException.Refusal.REGISTRY_UNAVAILABLE, null,
                    "inference-service's model registry could not be read: " + ex.getClass().getSimpleName());
        }
    }

    @FunctionalInterface
    private interface RegistryCall {

        String body();

    }

}
