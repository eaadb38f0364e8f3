package io.curio.gateway.recommendations;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.curio.gateway.problem.ProblemResponses;

/**
 * Writes the answers the gateway makes for the recommendations route itself: cached lists, degraded lists and,
 * while no fallback list was ever loaded, a 503 problem with {@code Retry-After}.
 */
public class FallbackWriter {

    private final JsonMapper json;

    private final ProblemResponses problems;

    private final long retryAfterSeconds;

    public FallbackWriter(JsonMapper json, ProblemResponses problems, RecommendationsProperties.Fallback settings) {
        this.json = json;
        this.problems = problems;
        this.retryAfterSeconds = Math.max(1, settings.retryAfter().toSeconds());
    }

    Mono<Void> cached(ServerHttpResponse response, CachedList cached) {
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, cached.contentType());
        response.getHeaders().set(RecommendationsFilter.CACHE_STATUS, "hit");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(cached.body())));
    }

    Mono<Void> degraded(ServerHttpResponse response, DegradedList list) {
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(list))));
    }

    Mono<Void> unavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Recommendations are unavailable for now");
    }

    /** Whether a 200 body is a JSON list that inference-service did not mark as degraded, so may be cached. */
    boolean isFreshList(byte[] body, String contentType) {
        if (contentType == null
                || !MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return false;
        }
        try {
            JsonNode degraded = json.readTree(body).get("degraded");
            return degraded != null && degraded.isBoolean() && !degraded.booleanValue();
        }
        catch (JacksonException ex) {
            return false;
        }
    }
}
