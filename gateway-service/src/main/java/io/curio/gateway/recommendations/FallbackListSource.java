package io.curio.gateway.recommendations;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the last good fallback list fetched from inference-service, fetching it again in the background; a
 * failed fetch keeps the previous list.
 */
class FallbackListSource {

    private static final Logger logger = LoggerFactory.getLogger(FallbackListSource.class);

    private final WebClient inference;

    private final RecommendationsProperties.Fallback settings;

    private final AtomicReference<FallbackList> last = new AtomicReference<>();

    private volatile Disposable schedule;

    FallbackListSource(WebClient inference, RecommendationsProperties.Fallback settings) {
        this.inference = inference;
        this.settings = settings;
    }

    Optional<FallbackList> current() {
        return Optional.ofNullable(last.get());
    }

    /** Fetches the list once; completes, without error, whether or not a new list was kept. */
    Mono<Void> refresh() {
        return inference.get()
                .uri(uri -> uri.path("/internal/fallback-list").queryParam("limit", settings.size()).build())
                .retrieve()
                .bodyToMono(FallbackList.class)
                .timeout(settings.timeout())
                .filter(list -> !list.items().isEmpty())
                .doOnNext(last::set)
                .then()
                .onErrorResume(ex -> {
                    logger.warn("Cannot fetch the fallback list from inference-service; keeping the last one: {}",
                            ex.toString());
                    return Mono.empty();
                });
    }

    /** Fetches now, without waiting, then at every refresh interval. */
    void start() {
        schedule = Flux.interval(Duration.ZERO, settings.refresh())
                .onBackpressureDrop()
                .concatMap(tick -> refresh(), 1)
                .subscribe();
    }

    void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
    }
}
