package io.curio.inference.training;

import java.util.Map;
import java.util.function.DoubleConsumer;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.RecommendationModel;

/**
 * Trains one algorithm. The same trainer builds the model that serves and the model that offline evaluation
 * measures.
 */
public interface Trainer {

    Algorithm algorithm();

    /** The parameters the trained model records in its metadata. */
    Map<String, Object> parameters();

    /**
     * Trains a model.
     *
     * @param data what to train on
     * @param metadata the metadata the model carries; its training time is filled in afterwards
     * @param progress told the fraction done, from any thread
     */
    RecommendationModel train(TrainingSet data, ModelMetadata metadata, DoubleConsumer progress);

}
