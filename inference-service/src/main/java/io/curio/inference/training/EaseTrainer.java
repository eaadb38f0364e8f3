package io.curio.inference.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;

import io.curio.inference.algebra.ComputePool;
import io.curio.inference.algebra.Ease;
import io.curio.inference.algebra.EaseModel;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.BookIndex;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.NeighbourModel;
import io.curio.inference.model.SignalWeights;

/**
 * EASE on the most read books, served as each book's strongest weights: scoring a reader then costs one pass
 * over the weights of their books instead of a dense row per book.
 *
 * @param regularization λ on the Gram matrix's diagonal
 * @param maxItems books modelled, the most read ones
 * @param kept weights kept per book
 * @param weights signal weights of the training matrix and of a reader's history
 * @param threads threads of the solve
 */
public record EaseTrainer(float regularization, int maxItems, int kept, SignalWeights weights, int threads)
        implements Trainer {

    public EaseTrainer {
        new Ease(regularization, maxItems);
        if (kept < 1 || kept > NeighbourModel.MAX_NEIGHBOURS || threads < 1) {
            throw new IllegalArgumentException("kept must be within 1.." + NeighbourModel.MAX_NEIGHBOURS
                    + " and threads positive, not " + kept + " and " + threads);
        }
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.EASE;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("lambda", (double) this.regularization);
        parameters.put("max-items", this.maxItems);
        parameters.put("kept", this.kept);
        parameters.putAll(this.weights.asParameters());
        return parameters;
    }

    @Override
    public NeighbourModel train(TrainingSet data, ModelMetadata metadata, DoubleConsumer progress) {
        Interactions interactions = data.interactions();
        try (ComputePool pool = new ComputePool(this.threads)) {
            EaseModel ease = new Ease(this.regularization, this.maxItems).train(interactions.matrix(this.weights),
                    pool);
            progress.accept(0.9);
            EaseModel.SparseRows rows = ease.strongestWeights(this.kept, pool);
            progress.accept(1);
            return new NeighbourModel(metadata, new BookIndex(interactions.bookIds()), interactions.readersPerBook(),
                    rows.offsets(), rows.items(), rows.weights());
        }
    }

}
