package io.curio.inference.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

import io.curio.inference.model.ModelFormat;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.RecommendationModel;
import io.curio.inference.training.BookAttributes;
import io.curio.inference.training.Interactions;
import io.curio.inference.training.Trainer;
import io.curio.inference.training.TrainingSet;

/**
 * Trains a model on a split's training set and measures its lists for the split's held-out readers. Readers are
 * ranked on {@code threads} threads; the metrics do not depend on how many.
 */
public final class ModelEvaluation {

    private final int threads;

    public ModelEvaluation(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, not " + threads);
        }
        this.threads = threads;
    }

    /**
     * Trains with {@code trainer} and measures the model.
     *
     * @param catalogue the attributes of the catalogue's books, possibly empty
     * @param catalogueBooks the books in the catalogue, the denominator of coverage; 0 to use the model's books
     */
    public AlgorithmResult evaluate(Trainer trainer, HeldOutSplit split, List<BookAttributes> catalogue,
            int catalogueBooks, EvaluationProgress progress) {
        String algorithm = trainer.algorithm().modelName();
        long started = System.nanoTime();
        RecommendationModel model = trainer.train(new TrainingSet(split.training(), catalogue),
                metadata(trainer, split.training()), (fraction) -> progress.report(algorithm, "training", fraction));
        double trainingSeconds = (System.nanoTime() - started) / 1e9;
        progress.report(algorithm, "training", 1);
        ListQuality quality = measure(model, split.readers(), catalogueBooks,
                (fraction) -> progress.report(algorithm, "scoring", fraction));
        return new AlgorithmResult(algorithm, trainer.parameters(), quality.metrics(), trainingSeconds,
                quality.scoring(), model.books().size(), artifactBytes(model));
    }

    /**
     * Ranks every book of {@code model} for each held-out reader and measures the lists.
     *
     * @param catalogueBooks the books in the catalogue, the denominator of coverage; 0 to use the model's books
     * @param progress told the fraction of readers ranked
     */
    public ListQuality measure(RecommendationModel model, List<HeldOutReader> readers, int catalogueBooks,
            DoubleConsumer progress) {
        Share share = new Share(model, PopularityOrder.of(model), readers, progress);
        ExecutorService pool = Executors.newFixedThreadPool(this.threads);
        try {
            List<Future<RankingMetrics>> parts = new ArrayList<>();
            for (int t = 0; t < this.threads; t++) {
                parts.add(pool.submit(share::rankUntilDone));
            }
            RankingMetrics all = merged(parts);
            int denominator = (catalogueBooks > 0) ? catalogueBooks : model.books().size();
            return new ListQuality(all.result(denominator), ScoringTime.of(share.nanos));
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static RankingMetrics merged(List<Future<RankingMetrics>> parts) {
        RankingMetrics all = new RankingMetrics();
        try {
            for (Future<RankingMetrics> part : parts) {
                all.addAll(part.get());
            }
            return all;
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("ranking readers failed", ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ranking readers", ex);
        }
    }

    private static ModelMetadata metadata(Trainer trainer, Interactions training) {
        Instant now = Instant.now();
        return new ModelMetadata(trainer.algorithm().modelName(), "evaluation", now, training.dataFrom(),
                training.dataTo(), training.eventsRead(), training.size(), training.users(), training.books(),
                trainer.parameters(), 0);
    }

    /** The size of the model's artifact as the registry would store it; {@code null} when it cannot be written. */
    private static Long artifactBytes(RecommendationModel model) {
        CountingStream counter = new CountingStream();
        try {
            ModelFormat.write(model, counter);
            return counter.count;
        }
        catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    /**
     * The quality of a model's lists and the time they took.
     *
     * @param metrics the means over the readers
     * @param scoring the time to rank one reader
     */
    public record ListQuality(Metrics metrics, ScoringTime scoring) {
    }

    /** The readers that scoring threads take one at a time, and the time each took. */
    private static final class Share {

        private final RecommendationModel model;

        private final PopularityOrder popularity;

        private final List<HeldOutReader> readers;

        private final DoubleConsumer progress;

        private final long[] nanos;

        private final AtomicInteger next = new AtomicInteger();

        private final AtomicInteger done = new AtomicInteger();

        Share(RecommendationModel model, PopularityOrder popularity, List<HeldOutReader> readers,
                DoubleConsumer progress) {
            this.model = model;
            this.popularity = popularity;
            this.readers = readers;
            this.progress = progress;
            this.nanos = new long[readers.size()];
        }

        /** Ranks readers until none is left; the metrics of those this thread ranked. */
        RankingMetrics rankUntilDone() {
            RankingMetrics metrics = new RankingMetrics();
            ReaderRanking ranking = new ReaderRanking(this.model, this.popularity);
            for (int i = this.next.getAndIncrement(); i < this.nanos.length; i = this.next.getAndIncrement()) {
                long started = System.nanoTime();
                ranking.rank(this.readers.get(i), metrics);
                this.nanos[i] = System.nanoTime() - started;
                this.progress.accept((double) this.done.incrementAndGet() / this.nanos.length);
            }
            return metrics;
        }

    }

    /** Counts the bytes written to it and keeps none. */
    private static final class CountingStream extends OutputStream {

        private long count;

        @Override
        public void write(int b) {
            this.count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            this.count += length;
        }

    }

}
