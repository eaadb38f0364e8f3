package io.curio.inference.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;

import io.curio.inference.algebra.ComputePool;
import io.curio.inference.algebra.ImplicitAls;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.BookIndex;
import io.curio.inference.model.FactorModel;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.SignalWeights;

/**
 * Implicit ALS; the served model keeps the book factors and folds readers in at request time.
 *
 * @param settings factors, iterations, α, λ, conjugate-gradient steps and seed
 * @param weights signal weights of the training matrix and of a reader's history
 * @param threads threads of the solves
 */
public record AlsTrainer(ImplicitAls settings, SignalWeights weights, int threads) implements Trainer {

    @Override
    public Algorithm algorithm() {
        return Algorithm.ALS;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("factors", this.settings.factors());
        parameters.put("iterations", this.settings.iterations());
        parameters.put("alpha", (double) this.settings.alpha());
        parameters.put("lambda", (double) this.settings.regularization());
        parameters.put("cg-steps", this.settings.conjugateGradientSteps());
        parameters.put("seed", this.settings.seed());
        parameters.putAll(this.weights.asParameters());
        return parameters;
    }

    @Override
    public FactorModel train(TrainingSet data, ModelMetadata metadata, DoubleConsumer progress) {
        Interactions interactions = data.interactions();
        try (ComputePool pool = new ComputePool(this.threads)) {
            io.curio.inference.algebra.FactorModel trained = this.settings.train(interactions.matrix(this.weights),
                    pool);
            progress.accept(0.95);
            float[][] items = new float[trained.items()][];
            for (int item = 0; item < items.length; item++) {
                items[item] = trained.itemFactors(item);
            }
            return new FactorModel(metadata, new BookIndex(interactions.bookIds()),
                    io.curio.inference.algebra.FactorModel.ofItemFactors(this.settings, items, pool),
                    interactions.readerCounts());
        }
    }

}
