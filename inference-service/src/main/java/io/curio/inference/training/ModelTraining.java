package io.curio.inference.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.curio.events.DataHubKeys;
import io.curio.inference.InferenceProperties;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.BookIndex;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelStore;
import io.curio.inference.model.NeighbourModel;
import io.curio.inference.model.PopularityModel;
import io.curio.inference.model.RecommendationModel;
import io.curio.inference.training.TrainingJob.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one model from the data hub: reads the raw events, indexes the positive interactions, scores,
 * writes the artifact to the registry and serves it.
 */
public class ModelTraining {

    private static final Logger logger = LoggerFactory.getLogger(ModelTraining.class);

    private final HubEventReader reader;

    private final ModelStore store;

    private final ModelRegistry registry;

    private final InferenceProperties properties;

    private final Clock clock;

    public ModelTraining(HubEventReader reader, ModelStore store, ModelRegistry registry,
            InferenceProperties properties, Clock clock) {
        this.reader = reader;
        this.store = store;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    void run(TrainingJob job) {
        Instant createdAt = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String version = DataHubKeys.modelVersion(createdAt);
        job.version(version);
        long started = System.nanoTime();
        Interactions interactions = read(job);
        RecommendationModel model = score(job, interactions, createdAt, started);
        job.enter(Stage.WRITING);
        this.store.save(model);
        logger.info("Training {} {}: wrote the artifact to the registry", job.algorithm().modelName(), version);
        job.enter(Stage.LOADING);
        this.registry.activate(model);
        logSummary(model.metadata());
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
        BookIndex books = new BookIndex(interactions.bookIds());
        RecommendationModel model = (job.algorithm() == Algorithm.POPULARITY)
                ? popularity(interactions, books, createdAt, started)
                : neighbours(job, interactions, books, createdAt, started);
        logger.info("Training {}: scored {} books", job.algorithm().modelName(), books.size());
        return model;
    }

    private PopularityModel popularity(Interactions interactions, BookIndex books, Instant createdAt,
            long started) {
        Duration halfLife = this.properties.popularity().halfLife();
        float[] scores = new PopularityTraining(halfLife).scores(interactions);
        Map<String, Object> parameters = Map.of("half-life", halfLife.toString());
        return new PopularityModel(metadata(Algorithm.POPULARITY, interactions, createdAt, parameters, started),
                books, scores);
    }

    private NeighbourModel neighbours(TrainingJob job, Interactions interactions, BookIndex books,
            Instant createdAt, long started) {
        InferenceProperties.Neighbours settings = this.properties.neighbours();
        NeighbourTraining training = new NeighbourTraining(settings.shrink(), settings.neighbours(),
                this.properties.training().threads());
        NeighbourTraining.Neighbours neighbours = training.compute(interactions, job::progress);
        int[] readers = new int[interactions.books()];
        for (int book = 0; book < readers.length; book++) {
            readers[book] = interactions.readersOf(book);
        }
        Map<String, Object> parameters = Map.of("shrink", settings.shrink(), "neighbours", settings.neighbours());
        return new NeighbourModel(metadata(Algorithm.ITEM_NEIGHBOURS, interactions, createdAt, parameters, started),
                books, readers, neighbours.offsets(), neighbours.neighbours(), neighbours.similarities());
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
