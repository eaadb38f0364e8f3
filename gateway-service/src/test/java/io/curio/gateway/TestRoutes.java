package io.curio.gateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Settings and calls shared by integration tests that route to a stand-in service on 127.0.0.1.
 */
public final class TestRoutes {

    private TestRoutes() {
    }

    /**
     * Routes every service to {@code serviceUrl}, on a random port, with rate-limit buckets of their own in the
     * shared Redis and a Redis timeout generous enough for a loaded machine.
     */
    public static void routeAllTo(DynamicPropertyRegistry registry, Supplier<Object> serviceUrl) {
        registry.add("server.port", () -> 0);
        registry.add("curio.services.inference-url", serviceUrl);
        registry.add("curio.services.ingestion-url", serviceUrl);
        registry.add("curio.services.abtest-url", serviceUrl);
        registry.add("curio.gateway.rate-limits.key-prefix", () -> "curio:gateway:it:" + UUID.randomUUID() + ":");
        registry.add("curio.gateway.rate-limits.redis-timeout", () -> "5s");
        // lists come from an echoing service: however loaded the machine, never a fallback list instead
        registry.add("resilience4j.timelimiter.instances.recommendations.timeout-duration", () -> "20s");
    }

    /** Sends a call that must succeed and returns the headers the {@link EchoServer} received, by lower-case name. */
    public static Map<String, List<String>> echoedHeaders(WebTestClient.RequestHeadersSpec<?> call) {
        Map<String, Object> echoed = call.exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult()
                .getResponseBody();
        if (echoed == null || !(echoed.get("headers") instanceof Map<?, ?>)) {
            throw new AssertionError("the echo server answered without headers: " + echoed);
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) echoed.get("headers");
        return headers;
    }
}
