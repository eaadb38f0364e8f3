package io.curio.inference.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ContentModel;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.ReaderBooks;
import io.curio.inference.model.Signal;
import io.curio.inference.model.SignalWeights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ContentTrainerTests {

    private static final ContentTrainer TRAINER = ContentTrainer.defaults();

    private static final List<BookAttributes> CATALOGUE = List.of(
            book("a1", "Ann Author", 2001, "fantasy", "magic"), book("a2", "Ann Author", 2003, "fantasy", "magic"),
            book("a3", "Ann Author", 2005, "fantasy", "magic"), book("b1", "Bob Writer", 2002, "fantasy", "dragons"),
            book("b2", "Bob Writer", 2004, "fantasy", "dragons"), book("c1", "Cy Other", 1951, "history", "war"),
            book("c2", "Cy Other", 1955, "history", "war"));

    private static BookAttributes book(String id, String author, int year, String... tags) {
        return new BookAttributes(id, List.of(author), List.of(tags), "eng", year);
    }

    private static Interactions interactions(String... readerAndBooks) {
        InteractionsBuilder builder = new InteractionsBuilder();
        for (String line : readerAndBooks) {
            String[] fields = line.split(" ");
            for (int i = 1; i < fields.length; i++) {
                builder.addPositive(fields[0], fields[i], 1_700_000_000L, Signal.STRONG);
            }
        }
        return builder.build();
    }

    private static ContentModel train(Interactions interactions, List<BookAttributes> catalogue) {
        return TRAINER.train(new TrainingSet(interactions, catalogue),
                new ModelMetadata(Algorithm.CONTENT.modelName(), "v", Events.T0, Events.T0, Events.T0, 1, 1, 1, 1,
                        TRAINER.parameters(), 0),
                (fraction) -> {
                });
    }

    /** The books a reader who liked {@code liked} is recommended, best first, without the liked ones. */
    private static List<String> recommended(ContentModel model, String... liked) {
        int[] books = Arrays.stream(liked).mapToInt(model.books()::indexOf).toArray();
        Signal[] signals = new Signal[books.length];
        Arrays.fill(signals, Signal.STRONG);
        float[] scores = new float[model.books().size()];
        model.score(new ReaderBooks(books, signals), scores);
        Set<String> excluded = Set.of(liked);
        return IntStream.range(0, scores.length)
            .boxed()
            .filter((book) -> !excluded.contains(model.books().id(book)) && scores[book] > 0f)
            .sorted(Comparator.comparingDouble((Integer book) -> -scores[book]))
            .map(model.books()::id)
            .toList();
    }

    @Test
    void recommendsFirstTheOtherBookOfAnAuthorTheReaderLikedTwice() {
        ContentModel model = train(interactions("r1 a1 a2", "r2 a3 b1", "r3 b2 c1 c2"), CATALOGUE);

        List<String> recommended = recommended(model, "a1", "a2");

        assertThat(recommended).first().isEqualTo("a3");
        assertThat(recommended).containsSubsequence("a3", "b1").doesNotContain("c1", "c2");
    }

    @Test
    void recommendsABookNobodyHasRead() {
        List<BookAttributes> catalogue = new ArrayList<>(CATALOGUE);
        catalogue.add(book("fresh", "Cy Other", 1958, "history"));
        ContentModel model = train(interactions("r1 a1 a2", "r2 a3 b1", "r3 b2 c1 c2"), catalogue);

        List<String> recommended = recommended(model, "c1");

        assertThat(model.books().indexOf("fresh")).isNotNegative();
        assertThat(model.readers(model.books().indexOf("fresh"))).isZero();
        assertThat(recommended).startsWith("c2", "fresh");
        assertThat(model.popular().bookAt(model.popular().size() - 1)).isEqualTo("fresh");
    }

    @Test
    void keepsBooksOfTheInteractionsThatTheCatalogueDoesNotDescribe() {
        ContentModel model = train(interactions("r1 a1 gone", "r2 gone"), CATALOGUE);

        int gone = model.books().indexOf("gone");

        assertThat(gone).isNotNegative();
        assertThat(model.readers(gone)).isEqualTo(2);
        assertThat(recommended(model, "gone")).isEmpty();
        assertThat(model.books().size()).isEqualTo(CATALOGUE.size() + 1);
    }

    @Test
    void buildsAProfileFromToReadMarksAlone() {
        ContentModel model = train(interactions("r1 a1 a2"), CATALOGUE);
        float[] scores = new float[model.books().size()];

        model.score(new ReaderBooks(new int[] { model.books().indexOf("a1") }, new Signal[] { Signal.SAVED }),
                scores);

        assertThat(scores[model.books().indexOf("a3")]).isGreaterThan(scores[model.books().indexOf("b1")])
            .isGreaterThan(0f);
    }

    @Test
    void scoresNothingWithoutACatalogueButStillRanksBooksByReaders() {
        ContentModel model = train(interactions("r1 x y", "r2 y"), List.of());
        float[] scores = new float[model.books().size()];

        model.score(new ReaderBooks(new int[] { 0, 1 }, new Signal[] { Signal.STRONG, Signal.STRONG }), scores);

        assertThat(scores).containsOnly(0f);
        assertThat(model.features()).isZero();
        assertThat(model.popular().bookAt(0)).isEqualTo("y");
    }

    @Test
    void leavesOutFeaturesOfASingleBookAndFeaturesOfEveryBook() {
        ContentModel model = train(interactions("r1 a1"), CATALOGUE);

        assertThat(model.features()).as("3 authors, 5 tags, 2 decades and no language").isEqualTo(10);
        assertThat(model.similarity(model.books().indexOf("a1"), model.books().indexOf("a1"))).isCloseTo(1f,
                within(1e-6f));
    }

    @Test
    void leavesOutAKindOfFeatureWeighedZero() {
        ContentTrainer withoutAuthors = new ContentTrainer(0f, 1f, 0.5f, 0.5f, 30, 0, SignalWeights.EQUAL);
        ContentModel model = withoutAuthors.train(new TrainingSet(interactions("r1 a1"), CATALOGUE),
                new ModelMetadata("content", "v", Events.T0, Events.T0, Events.T0, 1, 1, 1, 1, Map.of(), 0),
                (fraction) -> {
                });

        assertThat(model.features()).isEqualTo(7);
        assertThat(model.similarity(model.books().indexOf("a1"), model.books().indexOf("b1"))).isGreaterThan(0f);
    }

    @Test
    void treatsRegionalVariantsOfALanguageAsOne() {
        assertThat(ContentTrainer.language("en-US")).isEqualTo("eng");
        assertThat(ContentTrainer.language("en")).isEqualTo("eng");
        assertThat(ContentTrainer.language(" eng ")).isEqualTo("eng");
        assertThat(ContentTrainer.language("fre")).isEqualTo("fre");
        assertThat(ContentTrainer.language(null)).isNull();
    }

    @Test
    void recordsItsParameters() {
        assertThat(TRAINER.algorithm()).isEqualTo(Algorithm.CONTENT);
        assertThat(TRAINER.parameters()).containsKeys("author-weight", "tag-weight", "language-weight",
                "year-weight", "tag-limit", "profile-threshold", "weight-strong", "weight-saved");
        assertThat(SignalWeights.fromParameters(TRAINER.parameters())).isEqualTo(TRAINER.weights());
    }

    @Test
    void refusesNegativeWeightsAndTagLimitsAndThresholdsOutsideZeroToOne() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ContentTrainer(-1f, 1f, 1f, 1f, 10, 0, SignalWeights.EQUAL))
            .withMessageContaining("-1.0");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ContentTrainer(1f, 1f, 1f, 1f, -3, 0, SignalWeights.EQUAL))
            .withMessageContaining("-3");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ContentTrainer(1f, 1f, 1f, 1f, 10, 1.5, SignalWeights.EQUAL))
            .withMessageContaining("1.5");
    }

}
