package io.curio.inference.training;

import java.time.Duration;
import java.util.Map;
import java.util.function.DoubleConsumer;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.BookIndex;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.PopularityModel;

/**
 * Time-decayed popularity over every positive signal, to-read marks included.
 *
 * @param halfLife age at which an interaction counts half
 */
public record PopularityTrainer(Duration halfLife) implements Trainer {

    @Override
    public Algorithm algorithm() {
        return Algorithm.POPULARITY;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("half-life", this.halfLife.toString());
    }

    @Override
    public PopularityModel train(TrainingSet data, ModelMetadata metadata, DoubleConsumer progress) {
        Interactions interactions = data.interactions();
        float[] scores = new PopularityTraining(this.halfLife).scores(interactions);
        progress.accept(1);
        return new PopularityModel(metadata, new BookIndex(interactions.bookIds()), scores);
    }

}
