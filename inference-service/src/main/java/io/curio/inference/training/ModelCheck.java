package io.curio.inference.training;

import java.util.Map;
import java.util.function.DoubleConsumer;

import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.RecommendationModel;

/**
 * Trains a model while holding some readers' interactions out, and measures its lists on them, so that every
 * version carries offline metrics that the promotion gate compares.
 */
public interface ModelCheck {

    /**
     * Trains with {@code trainer} on {@code data} less the held-out interactions, then measures the model.
     *
     * @param training told the fraction of training done
     * @param measuring told the fraction of held-out readers ranked
     */
    Checked trainAndMeasure(Trainer trainer, TrainingSet data, ModelMetadata metadata, DoubleConsumer training,
            DoubleConsumer measuring);

    /**
     * A trained model and its offline metrics.
     *
     * @param model the model, trained without the held-out interactions
     * @param metrics the metrics by name; empty when no reader could be held out
     * @param readers how many readers were measured
     */
    record Checked(RecommendationModel model, Map<String, Double> metrics, int readers) {
    }

}
