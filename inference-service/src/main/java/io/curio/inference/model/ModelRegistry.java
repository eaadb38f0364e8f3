package io.curio.inference.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The models being served: the newest version of each algorithm, swapped atomically when a newer one is
 * trained, plus pinned versions loaded on demand for {@code algorithm@version} variants.
 */
public class ModelRegistry {

    private static final Logger logger = LoggerFactory.getLogger(ModelRegistry.class);

    private static final int MAX_PINNED = 16;

    private final ModelStore store;

    private final AtomicReference<Map<Algorithm, RecommendationModel>> newest = new AtomicReference<>(Map.of());

    private final Map<ModelSpec, RecommendationModel> pinned = new ConcurrentHashMap<>();

    private final MultiGauge versionGauge;

    public ModelRegistry(ModelStore store, MeterRegistry meters) {
        this.store = store;
        this.versionGauge = MultiGauge.builder("curio.inference.model.version")
            .description("Model versions being served, one series per algorithm and version (value 1)")
            .register(meters);
    }

    /** Loads the newest complete version of each algorithm from the registry in S3. */
    public void loadNewest() {
        for (Algorithm algorithm : Algorithm.values()) {
            try {
                newestStored(algorithm).ifPresent(this::activate);
            }
            catch (SdkException | InvalidModelException ex) {
                logger.warn("Cannot load the newest {} model from the registry", algorithm.modelName(), ex);
            }
        }
    }

    /** Serves a model as its algorithm's newest unless a newer version is already being served. */
    public void activate(RecommendationModel model) {
        this.newest.updateAndGet((current) -> {
            RecommendationModel served = current.get(model.algorithm());
            if (served != null && served.version().compareTo(model.version()) > 0) {
                return current;
            }
            Map<Algorithm, RecommendationModel> next = new EnumMap<>(Algorithm.class);
            next.putAll(current);
            next.put(model.algorithm(), model);
            return Map.copyOf(next);
        });
        publishVersions();
    }

    public Optional<RecommendationModel> newest(Algorithm algorithm) {
        return Optional.ofNullable(this.newest.get().get(algorithm));
    }

    /**
     * The model a variant names: the newest of an algorithm, or a pinned version loaded on first use.
     * Empty when the algorithm is unknown or the version is not in the registry.
     */
    public Optional<RecommendationModel> resolve(ModelSpec spec) {
        if (spec.version() == null) {
            return newest(spec.algorithm());
        }
        Optional<RecommendationModel> served = newest(spec.algorithm())
            .filter((model) -> model.version().equals(spec.version()));
        if (served.isPresent()) {
            return served;
        }
        RecommendationModel model = this.pinned.get(spec);
        return (model != null) ? Optional.of(model) : loadPinned(spec);
    }

    /** Every model held in memory: the newest of each algorithm and the pinned versions. */
    public List<RecommendationModel> loaded() {
        List<RecommendationModel> models = new ArrayList<>(this.newest.get().values());
        for (RecommendationModel model : this.pinned.values()) {
            if (models.stream().noneMatch((held) -> held.metadata().equals(model.metadata()))) {
                models.add(model);
            }
        }
        return models;
    }

    private Optional<RecommendationModel> newestStored(Algorithm algorithm) {
        for (String version : this.store.versions(algorithm)) {
            Optional<RecommendationModel> model = this.store.load(algorithm, version);
            if (model.isPresent()) {
                return model;
            }
        }
        return Optional.empty();
    }

    private Optional<RecommendationModel> loadPinned(ModelSpec spec) {
        try {
            Optional<RecommendationModel> model = this.store.load(spec.algorithm(), spec.version());
            model.filter((loaded) -> this.pinned.size() < MAX_PINNED)
                .ifPresent((loaded) -> this.pinned.put(spec, loaded));
            return model;
        }
        catch (SdkException | InvalidModelException ex) {
            logger.debug("Cannot load model {}", spec, ex);
            return Optional.empty();
        }
    }

    private void publishVersions() {
        Collection<RecommendationModel> served = this.newest.get().values();
        this.versionGauge.register(served.stream()
            .map((model) -> MultiGauge.Row.of(Tags.of("algorithm", model.metadata().algorithm(), "version",
                    model.version()), 1))
            .toList(), true);
    }

}
