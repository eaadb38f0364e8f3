package io.curio.inference.model;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.curio.inference.model.Promotion.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The models being served, one version of each algorithm, plus pinned versions loaded on demand for
 * {@code algorithm@version} variants. A newly trained version is served only when the {@link PromotionGate}
 * lets it replace the served one; operators can roll back or activate any complete version. Every decision is
 * stored in the algorithm's {@link ServingRecord} before the served model is swapped, atomically, so requests in
 * flight keep the model they started with and a restart serves the same versions.
 */
public class ModelRegistry {

    private static final Logger logger = LoggerFactory.getLogger(ModelRegistry.class);

    private static final int MAX_PINNED = 16;

    private final ModelStore store;

    private final PromotionGate gate;

    private final MeterRegistry meters;

    private final Clock clock;

    private final Object decisions = new Object();

    private final AtomicReference<Map<Algorithm, RecommendationModel>> served = new AtomicReference<>(Map.of());

    private final Map<ModelSpec, RecommendationModel> pinned = new ConcurrentHashMap<>();

    private final MultiGauge versionGauge;

    /** A registry with the default promotion gate and the system clock. */
    public ModelRegistry(ModelStore store, MeterRegistry meters) {
        this(store, new PromotionGate(PromotionProperties.defaults()), meters, Clock.systemUTC());
    }

    public ModelRegistry(ModelStore store, PromotionGate gate, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.gate = gate;
        this.meters = meters;
        this.clock = clock;
        this.versionGauge = MultiGauge.builder("curio.inference.model.version")
            .description("Model versions being served, one series per algorithm and version (value 1)")
            .register(meters);
    }

    /** Serves what the registry in S3 says for every algorithm; a failure only leaves that algorithm as it was. */
    public void loadNewest() {
        for (Reloaded reloaded : reload()) {
            if (reloaded.error() != null) {
                logger.warn("Cannot load the {} model from the registry: {}", reloaded.algorithm(), reloaded.error());
            }
        }
    }

    /**
     * Reads the registry in S3 again: serves the version its serving record names (without one, the newest
     * complete version, as stored before records existed), then offers every complete version newer than that
     * and not decided yet, oldest first, to the promotion gate. This is how a model trained elsewhere, or one
     * whose training stopped before its decision was stored, comes to be served.
     */
    public List<Reloaded> reload() {
        List<Reloaded> reloaded = new ArrayList<>();
        synchronized (this.decisions) {
            for (Algorithm algorithm : Algorithm.values()) {
                reloaded.add(reload(algorithm));
            }
        }
        return reloaded;
    }

    /**
     * Offers a newly trained version, already in the store, to the promotion gate; serves it when promoted. The
     * decision is stored either way.
     */
    public Promotion offer(RecommendationModel candidate) {
        synchronized (this.decisions) {
            Algorithm algorithm = candidate.algorithm();
            ModelMetadata current = served(algorithm).map(RecommendationModel::metadata).orElse(null);
            Promotion promotion = this.gate.decide(candidate.metadata(), current, this.clock.instant());
            ServingRecord record = record(algorithm);
            if (promotion.isPromoted()) {
                commit(record.decided(candidate.version(), promotion, candidate.version()), candidate);
            }
            else {
                this.store.saveServingRecord(record.decided(candidate.version(), promotion, servedVersion(algorithm)));
            }
            counted(algorithm, promotion.outcome());
            logger.info("{} {} {}: {}", algorithm.modelName(), candidate.version(), promotion.outcome().label(),
                    promotion.reason());
            return promotion;
        }
    }

    /**
     * Stores the decision to hold a newly trained version, already in the store, without serving it or asking the
     * gate: a canary rolls it out, or an operator activates it.
     */
    public Promotion hold(RecommendationModel candidate) {
        synchronized (this.decisions) {
            Algorithm algorithm = candidate.algorithm();
            Promotion held = new Promotion(Outcome.HELD, "trained without serving, for a canary to roll out",
                    this.clock.instant());
            ServingRecord record = record(algorithm);
            this.store.saveServingRecord(record.decided(candidate.version(), held, servedVersion(algorithm)));
            counted(algorithm, Outcome.HELD);
            logger.info("{} {} held: {}", algorithm.modelName(), candidate.version(), held.reason());
            return held;
        }
    }

    /**
     * Serves the newest version older than the served one that a rollback may return to (not refused by the gate
     * nor rolled back itself) and whose artifact loads; the served version is marked rolled back.
     *
     * @throws NoPreviousVersionException when there is no such version
     */
    public ServingChange rollback(Algorithm algorithm) {
        synchronized (this.decisions) {
            RecommendationModel current = served(algorithm)
                .orElseThrow(() -> new NoPreviousVersionException(algorithm, null));
            ServingRecord record = record(algorithm);
            RecommendationModel previous = previous(algorithm, current.version(), record)
                .orElseThrow(() -> new NoPreviousVersionException(algorithm, current.version()));
            Promotion withdrawn = new Promotion(Outcome.ROLLED_BACK, "rolled back to " + previous.version(),
                    this.clock.instant());
            Promotion restored = new Promotion(Outcome.ROLLED_BACK_TO, "rolled back from " + current.version(),
                    this.clock.instant());
            commit(record.decided(current.version(), withdrawn, previous.version())
                .decided(previous.version(), restored, previous.version()), previous);
            counted(algorithm, Outcome.ROLLED_BACK);
            logger.info("{} rolled back from {} to {}", algorithm.modelName(), current.version(), previous.version());
            return new ServingChange(algorithm.modelName(), previous.version(), current.version());
        }
    }

    /**
     * Serves a stored version whatever the gate would say.
     *
     * @throws UnknownModelVersionException when the version is malformed, missing or incomplete
     * @throws UnloadableModelException when its artifact does not load
     */
    public ServingChange force(Algorithm algorithm, String version) {
        ModelSpec spec = ModelSpec.parse(algorithm.modelName() + "@" + version)
            .orElseThrow(() -> new UnknownModelVersionException(algorithm, version));
        synchronized (this.decisions) {
            String replaced = servedVersion(algorithm);
            if (version.equals(replaced)) {
                return new ServingChange(algorithm.modelName(), version, replaced);
            }
            RecommendationModel model = loadForced(spec);
            Promotion forced = new Promotion(Outcome.FORCED,
                    "activated by an operator" + ((replaced != null) ? ", replacing " + replaced : ""),
                    this.clock.instant());
            commit(record(algorithm).decided(version, forced, version), model);
            counted(algorithm, Outcome.FORCED);
            logger.info("{} {} activated by an operator", algorithm.modelName(), version);
            return new ServingChange(algorithm.modelName(), version, replaced);
        }
    }

    /** Serves a model in memory only, unless a newer version of its algorithm is already served. */
    public void activate(RecommendationModel model) {
        this.served.updateAndGet((current) -> {
            RecommendationModel held = current.get(model.algorithm());
            return (held != null && held.version().compareTo(model.version()) > 0) ? current : with(current, model);
        });
        publishVersions();
    }

    /** The version of an algorithm being served. */
    public Optional<RecommendationModel> newest(Algorithm algorithm) {
        return served(algorithm);
    }

    /**
     * The model a variant names: the served version of an algorithm, or a pinned version loaded on first use.
     * Empty when the algorithm is unknown or the version is not in the registry.
     */
    public Optional<RecommendationModel> resolve(ModelSpec spec) {
        if (spec.version() == null) {
            return served(spec.algorithm());
        }
        Optional<RecommendationModel> current = served(spec.algorithm())
            .filter((model) -> model.version().equals(spec.version()));
        if (current.isPresent()) {
            return current;
        }
        RecommendationModel model = this.pinned.get(spec);
        return (model != null) ? Optional.of(model) : loadPinned(spec);
    }

    /** Every model held in memory: the served version of each algorithm and the pinned versions. */
    public List<RecommendationModel> loaded() {
        List<RecommendationModel> models = new ArrayList<>(this.served.get().values());
        for (RecommendationModel model : this.pinned.values()) {
            if (models.stream().noneMatch((held) -> sameVersion(held, model))) {
                models.add(model);
            }
        }
        return models;
    }

    private Optional<RecommendationModel> served(Algorithm algorithm) {
        return Optional.ofNullable(this.served.get().get(algorithm));
    }

    private String servedVersion(Algorithm algorithm) {
        return served(algorithm).map(RecommendationModel::version).orElse(null);
    }

    private Reloaded reload(Algorithm algorithm) {
        Map<String, Promotion> decided = new LinkedHashMap<>();
        try {
            ServingRecord record = record(algorithm);
            recorded(algorithm, record).ifPresent(this::swap);
            for (String version : undecided(algorithm, record)) {
                offerStored(algorithm, version).ifPresent((promotion) -> decided.put(version, promotion));
            }
            return new Reloaded(algorithm.modelName(), servedVersion(algorithm), decided, null);
        }
        catch (SdkException | InvalidModelException | UncheckedIOException ex) {
            return new Reloaded(algorithm.modelName(), servedVersion(algorithm), decided, ex.getMessage());
        }
    }

    /** The version the record names, else the newest complete one a rollback could return to. */
    private Optional<RecommendationModel> recorded(Algorithm algorithm, ServingRecord record) {
        RecommendationModel current = served(algorithm).orElse(null);
        if (record.version() != null && current != null && record.version().equals(current.version())) {
            return Optional.of(current);
        }
        if (record.version() != null) {
            Optional<RecommendationModel> named = loadQuietly(algorithm, record.version());
            if (named.isPresent()) {
                return named;
            }
            logger.warn("{} {} named by {} does not load; serving the newest version before it",
                    algorithm.modelName(), record.version(), ModelStore.SERVING);
        }
        return previous(algorithm, record.version(), record);
    }

    /** Complete versions newer than the served one without a decision, oldest first. */
    private List<String> undecided(Algorithm algorithm, ServingRecord record) {
        String current = servedVersion(algorithm);
        List<String> versions = new ArrayList<>(this.store.versions(algorithm));
        versions.removeIf((version) -> record.decision(version).isPresent()
                || (current != null && version.compareTo(current) <= 0));
        Collections.reverse(versions);
        return versions;
    }

    private Optional<Promotion> offerStored(Algorithm algorithm, String version) {
        try {
            return this.store.load(algorithm, version).map(this::offer);
        }
        catch (InvalidModelException | UncheckedIOException ex) {
            Promotion rejected = new Promotion(Outcome.REJECTED, "the artifact does not load: " + ex.getMessage(),
                    this.clock.instant());
            this.store.saveServingRecord(record(algorithm).decided(version, rejected, servedVersion(algorithm)));
            counted(algorithm, Outcome.REJECTED);
            return Optional.of(rejected);
        }
    }

    /**
     * The newest version older than {@code before} (any version when {@code null}) that a rollback may return to
     * and that loads.
     */
    private Optional<RecommendationModel> previous(Algorithm algorithm, String before, ServingRecord record) {
        for (String version : this.store.versions(algorithm)) {
            boolean older = before == null || version.compareTo(before) < 0;
            if (older && record.decision(version).map(Promotion::allowsRollbackTo).orElse(true)) {
                Optional<RecommendationModel> model = loadQuietly(algorithm, version);
                if (model.isPresent()) {
                    return model;
                }
            }
        }
        return Optional.empty();
    }

    private RecommendationModel loadForced(ModelSpec spec) {
        try {
            return this.store.load(spec.algorithm(), spec.version())
                .orElseThrow(() -> new UnknownModelVersionException(spec.algorithm(), spec.version()));
        }
        catch (InvalidModelException | UncheckedIOException ex) {
            throw new UnloadableModelException(spec, ex);
        }
    }

    private Optional<RecommendationModel> loadQuietly(Algorithm algorithm, String version) {
        try {
            return this.store.load(algorithm, version);
        }
        catch (InvalidModelException | UncheckedIOException ex) {
            logger.warn("Skipping {} {}: its artifact does not load", algorithm.modelName(), version, ex);
            return Optional.empty();
        }
    }

    private ServingRecord record(Algorithm algorithm) {
        try {
            return this.store.servingRecord(algorithm).orElseGet(() -> ServingRecord.none(algorithm));
        }
        catch (InvalidModelException ex) {
            logger.warn("Ignoring the serving record of {}; the next decision replaces it", algorithm.modelName(), ex);
            return ServingRecord.none(algorithm);
        }
    }

    /** Stores the record, then serves the model it names: a failed write leaves everything as it was. */
    private void commit(ServingRecord record, RecommendationModel model) {
        this.store.saveServingRecord(record);
        swap(model);
    }

    private void swap(RecommendationModel model) {
        this.served.updateAndGet((current) -> with(current, model));
        publishVersions();
    }

    private static Map<Algorithm, RecommendationModel> with(Map<Algorithm, RecommendationModel> current,
            RecommendationModel model) {
        Map<Algorithm, RecommendationModel> next = new EnumMap<>(Algorithm.class);
        next.putAll(current);
        next.put(model.algorithm(), model);
        return Map.copyOf(next);
    }

    private void counted(Algorithm algorithm, Outcome outcome) {
        Counter.builder("curio.inference.model.promotions")
            .description("Decisions about model versions: promoted or rejected by the gate, forced, rolled back")
            .tags("algorithm", algorithm.modelName(), "outcome", outcome.label())
            .register(this.meters)
            .increment();
    }

    private Optional<RecommendationModel> loadPinned(ModelSpec spec) {
        try {
            Optional<RecommendationModel> model = this.store.load(spec.algorithm(), spec.version());
            model.filter((loaded) -> this.pinned.size() < MAX_PINNED)
                .ifPresent((loaded) -> this.pinned.put(spec, loaded));
            return model;
        }
        catch (SdkException | InvalidModelException | UncheckedIOException ex) {
            logger.debug("Cannot load model {}", spec, ex);
            return Optional.empty();
        }
    }

    private static boolean sameVersion(RecommendationModel first, RecommendationModel second) {
        return first.algorithm() == second.algorithm() && first.version().equals(second.version());
    }

    private void publishVersions() {
        Collection<RecommendationModel> current = this.served.get().values();
        this.versionGauge.register(current.stream()
            .map((model) -> MultiGauge.Row.of(Tags.of("algorithm", model.metadata().algorithm(), "version",
                    model.version()), 1))
            .toList(), true);
    }

    /**
     * What a reload found for one algorithm.
     *
     * @param algorithm the algorithm's model name
     * @param serving the version served afterwards, or {@code null}
     * @param decided the decisions taken about versions offered during the reload, by version
     * @param error why the registry could not be read, or {@code null}
     */
    public record Reloaded(String algorithm, String serving, Map<String, Promotion> decided, String error) {

        public Reloaded {
            decided = Collections.unmodifiableMap(new LinkedHashMap<>(decided));
        }

    }

    /**
     * A change of the served version made by an operator.
     *
     * @param algorithm the algorithm's model name
     * @param serving the version served now
     * @param replaced the version served before, or {@code null}
     */
    public record ServingChange(String algorithm, String serving, String replaced) {
    }

}
