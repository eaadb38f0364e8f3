package io.curio.inference.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.BlendModel;
import io.curio.inference.model.ContentModel;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.RecommendationModel;

/**
 * Trains a collaborative model and the content model on the same data and blends them.
 *
 * @param collaborative the collaborative part's trainer
 * @param content the content part's trainer
 * @param contentHistory history length at which both parts weigh the same
 */
public record BlendTrainer(Trainer collaborative, Trainer content, float contentHistory) implements Trainer {

    public BlendTrainer {
        if (collaborative.algorithm() == Algorithm.BLEND || content.algorithm() != Algorithm.CONTENT) {
            throw new IllegalArgumentException("a blend needs a collaborative trainer and a content trainer, not "
                    + collaborative.algorithm() + " and " + content.algorithm());
        }
        if (!(contentHistory >= 0f) || Float.isInfinite(contentHistory)) {
            throw new IllegalArgumentException("content history must be finite and not negative, not "
                    + contentHistory);
        }
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.BLEND;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(BlendModel.CONTENT_HISTORY, (double) this.contentHistory);
        parameters.put("collaborative-algorithm", this.collaborative.algorithm().modelName());
        parameters.put(BlendModel.COLLABORATIVE, this.collaborative.parameters());
        parameters.put(BlendModel.CONTENT, this.content.parameters());
        return parameters;
    }

    @Override
    public BlendModel train(TrainingSet data, ModelMetadata metadata, DoubleConsumer progress) {
        RecommendationModel collaborative = this.collaborative.train(data,
                BlendModel.partMetadata(metadata, this.collaborative.algorithm(), BlendModel.COLLABORATIVE),
                (fraction) -> progress.accept(fraction * 0.9));
        RecommendationModel content = this.content.train(data,
                BlendModel.partMetadata(metadata, Algorithm.CONTENT, BlendModel.CONTENT),
                (fraction) -> progress.accept(0.9 + fraction * 0.1));
        return new BlendModel(metadata, collaborative, (ContentModel) content, this.contentHistory);
    }

}
