package io.curio.inference.training;

import io.curio.inference.InferenceProperties;
import io.curio.inference.algebra.ImplicitAls;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.SignalWeights;

/**
 * The trainer of each algorithm under the service's settings, so that offline evaluation measures exactly what
 * the service would train.
 */
public final class Trainers {

    private final InferenceProperties properties;

    public Trainers(InferenceProperties properties) {
        this.properties = properties;
    }

    /** The trainers under the service's default settings. */
    public static Trainers defaults() {
        return new Trainers(InferenceProperties.defaults());
    }

    public Trainer of(Algorithm algorithm) {
        return switch (algorithm) {
            case POPULARITY -> new PopularityTrainer(this.properties.popularity().halfLife());
            case ITEM_NEIGHBOURS -> new NeighbourTrainer(this.properties.neighbours().shrink(),
                    this.properties.neighbours().neighbours(), threads());
            case EASE -> ease(this.properties.ease().savedWeight());
            case ALS -> als(this.properties.als().savedWeight());
            case CONTENT -> ContentTrainer.defaults();
            case BLEND -> blend();
        };
    }

    private EaseTrainer ease(float savedWeight) {
        InferenceProperties.Ease ease = this.properties.ease();
        return new EaseTrainer(ease.lambda(), ease.maxItems(), ease.kept(), new SignalWeights(1f, savedWeight),
                threads());
    }

    private AlsTrainer als(float savedWeight) {
        InferenceProperties.Als als = this.properties.als();
        return new AlsTrainer(new ImplicitAls(als.factors(), als.iterations(), als.alpha(), als.lambda(),
                als.conjugateGradientSteps(), als.seed()), new SignalWeights(1f, savedWeight), threads());
    }

    private BlendTrainer blend() {
        InferenceProperties.Blend blend = this.properties.blend();
        Algorithm collaborative = Algorithm.fromModelName(blend.collaborative())
            .orElseThrow(() -> new IllegalArgumentException("unknown collaborative algorithm for the blend: "
                    + blend.collaborative()));
        Trainer part = switch (collaborative) {
            case EASE -> ease(blend.savedWeight());
            case ALS -> als(blend.savedWeight());
            case ITEM_NEIGHBOURS -> of(Algorithm.ITEM_NEIGHBOURS);
            default -> throw new IllegalArgumentException("a blend's collaborative part is ease, als or "
                    + "item-neighbours, not " + blend.collaborative());
        };
        return new BlendTrainer(part, of(Algorithm.CONTENT), blend.contentHistory());
    }

    private int threads() {
        return this.properties.training().threads();
    }

}
