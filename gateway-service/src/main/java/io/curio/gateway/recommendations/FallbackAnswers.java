package io.curio.gateway.recommendations;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.curio.gateway.correlation.RequestIdFilter;
import io.curio.gateway.problem.ProblemResponses;

/**
 * Answers a recommendations request that inference-service could not answer with the first books of the
 * fallback list, {@code degraded: true}; 503 only when no fallback list has been fetched yet.
 */
class FallbackAnswers {

    private final FallbackListSource source;

    private final JsonResponses json;

    private final ProblemResponses problems;

    private final Map<FallbackReason, Counter> fallbacks = new EnumMap<>(FallbackReason.class);

    FallbackAnswers(FallbackListSource source, JsonResponses json, ProblemResponses problems, MeterRegistry meters) {
        this.source = source;
        this.json = json;
        this.problems = problems;
        for (FallbackReason reason : FallbackReason.values()) {
            fallbacks.put(reason, Counter.builder("curio.gateway.fallbacks")
                    .description("Recommendation requests answered from the non-personalized fallback list")
                    .tag("reason", reason.tag())
                    .register(meters));
        }
    }

    Mono<Void> answer(ServerWebExchange exchange, FallbackReason reason) {
        Optional<FallbackList> list = source.current();
        if (list.isEmpty()) {
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "Recommendations are unavailable and no fallback list is loaded yet");
        }
        ServerHttpRequest request = exchange.getRequest();
        FallbackQuery query;
        try {
            query = FallbackQuery.of(request.getQueryParams().getFirst("limit"),
                    request.getQueryParams().getFirst("surface"));
        }
        catch (IllegalArgumentException ex) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-parameter", ex.getMessage());
        }
        fallbacks.get(reason).increment();
        return json.write(exchange, degraded(request, query, list.get()));
    }

    private static DegradedList degraded(ServerHttpRequest request, FallbackQuery query, FallbackList list) {
        return new DegradedList(request.getHeaders().getFirst(RequestIdFilter.REQUEST_ID),
                request.getHeaders().getFirst(CacheKey.USER_ID), query.surface(), null,
                new DegradedList.Model("fallback", list.version()), true, list.first(query.limit()));
    }

    /**
     * A fallback answer, in the shape of the public API.
     *
     * @param requestId the request's id
     * @param userId the token's subject
     * @param surface where the list is shown
     * @param experiment always {@code null}: no experiment served this list
     * @param model {@code fallback} with the fallback list's version
     * @param degraded always {@code true}
     * @param items the first books of the fallback list
     */
    record DegradedList(String requestId, String userId, String surface, Object experiment, Model model,
            boolean degraded, List<FallbackList.Item> items) {

        record Model(String algorithm, String version) {
        }
    }
}
