package io.curio.inference.evaluation;

import java.util.Map;
import java.util.function.DoubleConsumer;

import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.RecommendationModel;
import io.curio.inference.training.ModelCheck;
import io.curio.inference.training.Trainer;
import io.curio.inference.training.TrainingSet;

/**
 * The offline evaluation's protocol applied to the data a training read from the hub: a seeded set of readers
 * lose a fifth of their strong positives to targets, the model is trained on the rest and measured on them. Low
 * ratings are not known there, so only a held-out reader's input books are excluded from their list.
 */
public final class HeldOutCheck implements ModelCheck {

    private final EvaluationProtocol protocol;

    private final ModelEvaluation evaluation;

    /**
     * @param readers readers held out at most; 0 trains on everything and measures nothing
     * @param seed the seed of the split
     * @param threads threads that rank held-out readers
     */
    public HeldOutCheck(int readers, long seed, int threads) {
        this.protocol = (readers > 0) ? new EvaluationProtocol(readers, seed, true) : null;
        this.evaluation = new ModelEvaluation(threads);
    }

    @Override
    public Checked trainAndMeasure(Trainer trainer, TrainingSet data, ModelMetadata metadata,
            DoubleConsumer training, DoubleConsumer measuring) {
        HeldOutSplit split = (this.protocol != null)
                ? HeldOutSplit.of(data.interactions(), LowRatings.NONE, this.protocol) : null;
        if (split == null || split.readers().isEmpty()) {
            return new Checked(trainer.train(data, metadata, training), Map.of(), 0);
        }
        RecommendationModel model = trainer.train(new TrainingSet(split.training(), data.catalogue()), metadata,
                training);
        Metrics metrics = this.evaluation.measure(model, split.readers(), data.catalogue().size(), measuring)
            .metrics();
        return new Checked(model, metrics.asMap(), metrics.readers());
    }

}
