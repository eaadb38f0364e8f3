package io.curio.inference.training;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.curio.events.DataHubKeys;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelStore;
import io.curio.inference.model.RecommendationModel;
import io.curio.inference.training.TrainingJob.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one model from the data hub: reads the raw events, indexes the positive interactions, scores,
 * writes the artifact to the registry and offers it for serving, or holds it for a canary to roll out.
 */
public class ModelTraining {

    private static final Logger logger = LoggerFactory.getLogger(ModelTraining.class);

    private final HubEventReader reader;

    private final ModelStore store;

    private final ModelRegistry registry;

    private final Trainers trainers;

    private final Supplier<List<BookAttributes>> catalogue;

    private final ModelCheck check;

    private final Clock clock;

    /** The last version time given to each algorithm, so that two trainings in one second never share a version. */
    private final ConcurrentMap<Algorithm, Instant> lastVersionAt = new ConcurrentHashMap<>();

    /**
     * @param catalogue the attributes of the books that may be recommended, for the content model
     * @param check how a model is trained and measured before it is offered for serving
     */
    public ModelTraining(HubEventReader reader, ModelStore store, ModelRegistry registry, Trainers trainers,
            Supplier<List<BookAttributes>> catalogue, ModelCheck check, Clock clock) {
        this.reader = reader;
        this.store = store;
        this.registry = registry;
        this.trainers = trainers;
        this.catalogue = catalogue;
        this.check = check;
        this.clock = clock;
    }

    void run(TrainingJob job) {
        Instant createdAt = nextVersionTime(job.algorithm());
        String version = DataHubKeys.modelVersion(createdAt);
        job.version(version);
        long started = System.nanoTime();
        Interactions interactions = read(job);
        RecommendationModel model = score(job, interactions, createdAt, started);
        job.enter(Stage.WRITING);
        this.store.save(model);
        logger.info("Training {} {}: wrote the artifact to the registry", job.algorithm().modelName(), version);
        job.enter(Stage.LOADING);
        if (job.isOffered()) {
            this.registry.offer(model);
        }
        else {
            this.registry.hold(model);
        }
        logSummary(model.metadata());
    }

    /**
     * The training's version time: now, to the second, or one second past the algorithm's last version when that
     * is later, since a version names the artifact it is stored under and a second training in the same second
     * would otherwise overwrite the first one's.
     */
    private Instant nextVersionTime(Algorithm algorithm) {
        Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return this.lastVersionAt.merge(algorithm, now,
            (last, current) -> current.isAfter(last) ? current : last.plusSeconds(1));
    }

    private Interactions read(TrainingJob job) {
        job.enter(Stage.READING);
        InteractionsBuilder builder = new InteractionsBuilder();
        HubEventReader.ReadSummary summary = this.reader.readAll(builder, job::progress);
        logger.info("Training {}: read {} events from {} hub objects, skipped {} invalid lines",
                job.algorithm().modelName(), builder.eventsRead(), summary.objects(), summary.skipped());
        job.enter(Stage.INDEXING);
        Interactions interactions = builder.build();
        if (interactions.size() == 0) {
            throw new NoTrainingDataException(builder.eventsRead());
        }
        logger.info("Training {}: indexed {} positive interactions of {} users and {} books",
                job.algorithm().modelName(), interactions.size(), interactions.users(), interactions.books());
        return interactions;
    }

    private RecommendationModel score(TrainingJob job, Interactions interactions, Instant createdAt, long started) {
        job.enter(Stage.SCORING);
        Trainer trainer = this.trainers.of(job.algorithm());
        ModelMetadata metadata = metadata(job.algorithm(), interactions, createdAt, trainer.parameters(), started);
        TrainingSet data = new TrainingSet(interactions, this.catalogue.get());
        ModelCheck.Checked checked = this.check.trainAndMeasure(trainer, data, metadata, job::progress, (fraction) -> {
            job.enter(Stage.EVALUATING);
            job.progress(fraction);
        });
        RecommendationModel model = checked.model()
            .withMetadata(metadata(job.algorithm(), interactions, createdAt, trainer.parameters(), started)
                .withMetrics(checked.metrics()));
        logger.info("Training {}: scored {} books; offline metrics on {} held-out readers: {}",
                job.algorithm().modelName(), model.books().size(), checked.readers(), checked.metrics());
        return model;
    }

    private static ModelMetadata metadata(Algorithm algorithm, Interactions interactions, Instant createdAt,
            Map<String, Object> parameters, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        return new ModelMetadata(algorithm.modelName(), DataHubKeys.modelVersion(createdAt), createdAt,
                interactions.dataFrom(), interactions.dataTo(), interactions.eventsRead(), interactions.size(),
                interactions.users(), interactions.books(), parameters, Math.round(seconds * 1000) / 1000.0);
    }

    private static void logSummary(ModelMetadata metadata) {
        logger.info("Trained {} {}: {} events read, {} users, {} books, {} s", metadata.algorithm(),
                metadata.version(), metadata.events(), metadata.users(), metadata.books(),
                metadata.trainingSeconds());
    }

}
