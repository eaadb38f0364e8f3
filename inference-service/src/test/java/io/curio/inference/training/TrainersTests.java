package io.curio.inference.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.curio.inference.InferenceProperties;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.BookIndex;
import io.curio.inference.model.ModelFormat;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.ReaderBooks;
import io.curio.inference.model.RecommendationModel;
import io.curio.inference.model.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every algorithm, trained through {@link Trainers} on two clusters of readers: six fantasy books read by one
 * group and six crime books by another, with the same authors and tags within a cluster.
 */
class TrainersTests {

    private static final Instant CREATED = Instant.parse("2026-12-04T10:00:00Z");

    private static final Trainers TRAINERS = new Trainers(InferenceProperties.of(Map.of(
            "curio.inference.als.factors", "4", "curio.inference.als.iterations", "8",
            "curio.inference.ease.lambda", "5", "curio.inference.ease.kept", "10",
            "curio.inference.blend.saved-weight", "0.5", "curio.inference.training.threads", "2")));

    private final TrainingSet data = new TrainingSet(clusters(), catalogue());

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = { "ITEM_NEIGHBOURS", "ALS", "EASE", "CONTENT", "BLEND" })
    void recommendsTheUnreadBooksOfTheReadersCluster(Algorithm algorithm) {
        RecommendationModel model = train(algorithm);

        List<String> best = best(model, reader(model.books(), "fantasy-1", "fantasy-2", "fantasy-3"), 3);

        assertThat(best).allSatisfy((book) -> assertThat(book).startsWith("fantasy-"))
            .doesNotContain("fantasy-1", "fantasy-2", "fantasy-3");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void scoresTheSameAfterAWriteAndARead(Algorithm algorithm) throws IOException {
        RecommendationModel trained = train(algorithm);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFormat.write(trained, bytes);

        RecommendationModel read = ModelFormat.read(trained.metadata(), new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(read.books().ids()).isEqualTo(trained.books().ids());
        ReaderBooks reader = reader(trained.books(), "crime-1", "crime-4");
        assertThat(scores(read, reader)).containsExactly(scores(trained, reader));
        assertThat(read.metadata().parameters()).isEqualTo(trained.metadata().parameters());
    }

    @Test
    void theBlendServesABookNobodyHasReadToAReaderWithoutHistory() {
        RecommendationModel blend = train(Algorithm.BLEND);

        assertThat(blend.books().indexOf("fantasy-unread")).isNotNegative();
        ReaderBooks oneBook = reader(blend.books(), "fantasy-1");
        assertThat(best(blend, oneBook, 6)).contains("fantasy-unread");
    }

    @Test
    void aSavedBookCountsOnlyForModelsThatWeighSavedSignals() {
        RecommendationModel ease = train(Algorithm.EASE);
        int book = ease.books().indexOf("fantasy-1");
        ReaderBooks saved = new ReaderBooks(new int[] { book }, new Signal[] { Signal.SAVED });

        assertThat(scores(ease, saved)).containsOnly(0f);
        assertThat(ease.signalWeights().saved()).isZero();
    }

    private RecommendationModel train(Algorithm algorithm) {
        Trainer trainer = TRAINERS.of(algorithm);
        ModelMetadata metadata = new ModelMetadata(algorithm.modelName(), "2026-12-04T10-00-00Z", CREATED, CREATED,
                CREATED, 0, this.data.interactions().size(), this.data.interactions().users(),
                this.data.interactions().books(), trainer.parameters(), 0);
        return trainer.train(this.data, metadata, (fraction) -> assertThat(fraction).isBetween(0.0, 1.0));
    }

    private static float[] scores(RecommendationModel model, ReaderBooks reader) {
        float[] scores = new float[model.books().size()];
        model.score(reader, scores);
        return scores;
    }

    private static List<String> best(RecommendationModel model, ReaderBooks reader, int count) {
        float[] scores = scores(model, reader);
        for (int book : reader.books()) {
            scores[book] = Float.NEGATIVE_INFINITY;
        }
        List<String> best = new ArrayList<>();
        for (int pick = 0; pick < count; pick++) {
            int top = 0;
            for (int book = 1; book < scores.length; book++) {
                if (scores[book] > scores[top]) {
                    top = book;
                }
            }
            best.add(model.books().id(top));
            scores[top] = Float.NEGATIVE_INFINITY;
        }
        return best;
    }

    private static ReaderBooks reader(BookIndex books, String... read) {
        int[] indexes = new int[read.length];
        Signal[] signals = new Signal[read.length];
        for (int i = 0; i < read.length; i++) {
            indexes[i] = books.indexOf(read[i]);
            signals[i] = Signal.STRONG;
        }
        return new ReaderBooks(indexes, signals);
    }

    private static Interactions clusters() {
        InteractionsBuilder builder = new InteractionsBuilder();
        Random random = new Random(7);
        for (String genre : List.of("fantasy", "crime")) {
            for (int reader = 0; reader < 40; reader++) {
                for (int book = 1; book <= 6; book++) {
                    if (random.nextInt(6) < 4) {
                        Signal signal = (random.nextInt(4) == 0) ? Signal.SAVED : Signal.STRONG;
                        builder.addPositive(genre + "-reader-" + reader, genre + "-" + book,
                                CREATED.getEpochSecond() - random.nextInt(86_400), signal);
                    }
                }
            }
        }
        builder.observed(1, CREATED.getEpochSecond());
        return builder.build();
    }

    private static List<BookAttributes> catalogue() {
        List<BookAttributes> books = new ArrayList<>();
        for (int book = 1; book <= 6; book++) {
            books.add(new BookAttributes("fantasy-" + book, List.of("Ursula Le Guin"), List.of("fantasy", "magic"),
                    "eng", 1970 + book));
            books.add(new BookAttributes("crime-" + book, List.of("Agatha Christie"), List.of("crime", "mystery"),
                    "eng", 1930 + book));
        }
        books.add(new BookAttributes("fantasy-unread", List.of("Ursula Le Guin"), List.of("fantasy", "magic"), "eng",
                1975));
        return books;
    }

}
