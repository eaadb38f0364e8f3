package io.curio.inference.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleConsumer;

import io.curio.inference.evaluation.ModelEvaluation.ListQuality;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.BookIndex;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.PopularityModel;
import io.curio.inference.model.RecommendationModel;
import io.curio.inference.model.Signal;
import io.curio.inference.training.Interactions;
import io.curio.inference.training.InteractionsBuilder;
import io.curio.inference.training.Trainer;
import io.curio.inference.training.Trainers;
import io.curio.inference.training.TrainingSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ModelEvaluationTests {

    private static EvaluationData data;

    private static HeldOutSplit split;

    @BeforeAll
    static void readSmallDataset() {
        data = GoodbooksFolder.read(SmallDataset.folder(), true);
        split = HeldOutSplit.of(data.interactions(), data.lowRatings(), new EvaluationProtocol(800, 42, true));
    }

    @Test
    void neighboursBeatARandomRankingByAWideMargin() {
        ModelEvaluation evaluation = new ModelEvaluation(2);

        AlgorithmResult neighbours = evaluation.evaluate(Trainers.defaults().of(Algorithm.ITEM_NEIGHBOURS), split,
                data.catalogue(), data.catalogueBooks(), EvaluationProgress.NONE);
        AlgorithmResult random = evaluation.evaluate(new RandomTrainer(), split, data.catalogue(),
                data.catalogueBooks(), EvaluationProgress.NONE);

        assertThat(neighbours.metrics().readers()).isEqualTo(800);
        assertThat(random.metrics().recall20()).isLessThan(0.02);
        assertThat(neighbours.metrics().recall20()).isGreaterThan(10 * random.metrics().recall20()).isGreaterThan(0.04);
        assertThat(neighbours.metrics().ndcg20()).isGreaterThan(10 * random.metrics().ndcg20());
    }

    @Test
    void metricsDoNotDependOnTheNumberOfThreads() {
        Trainer popularity = Trainers.defaults().of(Algorithm.POPULARITY);

        Metrics one = new ModelEvaluation(1).evaluate(popularity, split, List.of(), 0, EvaluationProgress.NONE)
            .metrics();
        Metrics two = new ModelEvaluation(2).evaluate(popularity, split, List.of(), 0, EvaluationProgress.NONE)
            .metrics();

        assertThat(two.recall20()).isCloseTo(one.recall20(), within(1e-12));
        assertThat(two.coverage20()).isEqualTo(one.coverage20());
    }

    @Test
    void ranksEveryBookButTheExcludedOnes() {
        InteractionsBuilder builder = new InteractionsBuilder();
        builder.addPositive("reader", "read", 0, Signal.STRONG);
        builder.addPositive("reader", "wanted", 0, Signal.STRONG);
        Interactions interactions = builder.build();
        HeldOutReader reader = new HeldOutReader("reader", List.of("read"), List.of(Signal.STRONG),
                List.of("wanted"), List.of("read", "disliked"));
        String[] ids = { "read", "disliked", "obscure", "wanted", "famous" };
        RecommendationModel model = new PopularityModel(metadata(interactions), new BookIndex(ids),
                new float[] { 9f, 8f, 0f, 1f, 2f });

        ListQuality quality = new ModelEvaluation(1).measure(model, List.of(reader), 5, noProgress());

        assertThat(quality.metrics().recall20()).isEqualTo(1);
        assertThat(quality.metrics().ndcg20()).isEqualTo(1 / (Math.log(3) / Math.log(2)));
        assertThat(quality.metrics().coverage20()).isEqualTo(3.0 / 5);
    }

    private static DoubleConsumer noProgress() {
        return (fraction) -> {
        };
    }

    private static ModelMetadata metadata(Interactions interactions) {
        return new ModelMetadata("popularity", "test", interactions.dataTo(), interactions.dataFrom(),
                interactions.dataTo(), 0, interactions.size(), interactions.users(), interactions.books(), Map.of(), 0);
    }

    /** Scores every book at random, the same way each time: the baseline a model must beat. */
    private static final class RandomTrainer implements Trainer {

        @Override
        public Algorithm algorithm() {
            return Algorithm.POPULARITY;
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of();
        }

        @Override
        public RecommendationModel train(TrainingSet data, ModelMetadata metadata, DoubleConsumer progress) {
            Random random = new Random(7);
            float[] scores = new float[data.interactions().books()];
            for (int book = 0; book < scores.length; book++) {
                scores[book] = random.nextFloat();
            }
            return new PopularityModel(metadata, new BookIndex(data.interactions().bookIds()), scores);
        }

    }

}
