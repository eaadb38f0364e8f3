package io.curio.gateway.recommendations;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the last good fallback list from inference-service. Loading starts with the application, in the background,
 * so that a gateway whose inference-service is down still starts; until a list is loaded, loads are retried every
 * {@code retry}, afterwards refreshed every {@code refresh}. A failed or unusable load keeps the list held.
 * Nothing here blocks: loads run on the HTTP client's and Reactor's timer threads.
 */
public class FallbackListSource implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(FallbackListSource.class);

    private final WebClient inference;

    private final JsonMapper json;

    private final RecommendationsProperties.Fallback settings;

    private final AtomicReference<FallbackList> current = new AtomicReference<>();

    private volatile boolean lastLoadFailed;

    private volatile Disposable loading;

    public FallbackListSource(WebClient inference, JsonMapper json, RecommendationsProperties.Fallback settings) {
        this.inference = inference;
        this.json = json;
        this.settings = settings;
    }

    /** The last good list, or empty when none was ever loaded. */
    public Optional<FallbackList> current() {
        return Optional.ofNullable(current.get());
    }

    @Override
    public void start() {
        loading = Mono.defer(this::loadOnce)
                .then(Mono.defer(() -> Mono.delay(nextLoadIn())))
                .repeat()
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loading;
        if (running != null) {
            running.dispose();
        }
        loading = null;
    }

    @Override
    public boolean isRunning() {
        return loading != null;
    }

    /** Loads once; completes empty whatever the outcome. */
    Mono<Void> loadOnce() {
        return inference.get().uri(settings.path())
                .retrieve()
                .bodyToMono(byte[].class)
                .timeout(settings.timeout())
                .map(body -> json.readValue(body, FallbackList.class))
                .doOnNext(this::accept)
                .then()
                .onErrorResume(ex -> {
                    failed(ex);
                    return Mono.empty();
                });
    }

    private void accept(FallbackList list) {
        if (!list.isUsable()) {
            failed(new IllegalStateException("the fallback list has no model or no books"));
            return;
        }
        current.set(list);
        lastLoadFailed = false;
    }

    private Duration nextLoadIn() {
        return current.get() == null ? settings.retry() : settings.refresh();
    }

    private void failed(Throwable ex) {
        if (!lastLoadFailed) {
            logger.warn("Cannot load the fallback list from inference-service; "
                    + (current.get() == null ? "retrying in the background" : "keeping the last one"), ex);
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Loading the fallback list failed again", ex);
        }
        lastLoadFailed = true;
    }
}
