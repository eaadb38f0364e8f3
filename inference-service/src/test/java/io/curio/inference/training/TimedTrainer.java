package io.curio.inference.training;

import java.util.Map;
import java.util.function.DoubleConsumer;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.RecommendationModel;

/**
 * A trainer that remembers how long its last {@link #train} took, so that training can be told apart from the
 * rest of the path that calls it.
 */
final class TimedTrainer implements Trainer {

    private final Trainer trainer;

    private volatile Stopwatch watch;

    private volatile double seconds;

    private volatile double cpuSeconds;

    TimedTrainer(Trainer trainer) {
        this.trainer = trainer;
    }

    @Override
    public Algorithm algorithm() {
        return this.trainer.algorithm();
    }

    @Override
    public Map<String, Object> parameters() {
        return this.trainer.parameters();
    }

    @Override
    public RecommendationModel train(TrainingSet data, ModelMetadata metadata, DoubleConsumer progress) {
        this.watch = Stopwatch.start();
        RecommendationModel model = this.trainer.train(data, metadata, progress);
        this.seconds = this.watch.seconds();
        this.cpuSeconds = this.watch.cpuSeconds();
        return model;
    }

    /** Wall-clock seconds of the last training. */
    double seconds() {
        return this.seconds;
    }

    /** CPU seconds of the whole process during the last training. */
    double cpuSeconds() {
        return this.cpuSeconds;
    }

}
