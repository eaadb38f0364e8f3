package io.curio.inference.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.BookIndex;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.NeighbourModel;
import io.curio.inference.model.SignalWeights;

/**
 * Item-to-item cosine neighbours over every positive signal.
 *
 * @param shrink added to the cosine denominator
 * @param neighbours neighbours kept per book
 * @param threads threads that compute neighbours
 */
public record NeighbourTrainer(double shrink, int neighbours, int threads) implements Trainer {

    @Override
    public Algorithm algorithm() {
        return Algorithm.ITEM_NEIGHBOURS;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("shrink", this.shrink);
        parameters.put("neighbours", this.neighbours);
        parameters.putAll(SignalWeights.EQUAL.asParameters());
        return parameters;
    }

    @Override
    public NeighbourModel train(TrainingSet data, ModelMetadata metadata, DoubleConsumer progress) {
        Interactions interactions = data.interactions();
        NeighbourTraining.Neighbours computed = new NeighbourTraining(this.shrink, this.neighbours, this.threads)
            .compute(interactions, progress);
        return new NeighbourModel(metadata, new BookIndex(interactions.bookIds()), interactions.readersPerBook(),
                computed.offsets(), computed.neighbours(), computed.similarities());
    }

}
