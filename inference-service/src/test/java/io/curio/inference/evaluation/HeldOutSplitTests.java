package io.curio.inference.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.curio.inference.model.Signal;
import io.curio.inference.training.Interactions;
import io.curio.inference.training.InteractionsBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeldOutSplitTests {

    private final Interactions all = library();

    @Test
    void drawsOnlyReadersWithFiveStrongPositivesAndHoldsOutAFifthOfThem() {
        HeldOutSplit split = HeldOutSplit.of(this.all, LowRatings.NONE, new EvaluationProtocol(1000, 42, true));

        assertThat(split.readers()).extracting(HeldOutReader::userId)
            .containsExactlyInAnyOrder("r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "r13");
        for (HeldOutReader reader : split.readers()) {
            int strong = Integer.parseInt(reader.userId().substring(1));
            assertThat(reader.targets()).hasSize(Math.max(1, Math.round(strong * 0.2f)));
        }
    }

    @Test
    void sameSeedGivesTheSameSplitAndAnotherSeedAnotherOne() {
        EvaluationProtocol protocol = new EvaluationProtocol(4, 42, true);

        HeldOutSplit first = HeldOutSplit.of(this.all, LowRatings.NONE, protocol);
        HeldOutSplit again = HeldOutSplit.of(library(), LowRatings.NONE, protocol);
        HeldOutSplit other = HeldOutSplit.of(this.all, LowRatings.NONE, new EvaluationProtocol(4, 7, true));

        assertThat(again.readers()).isEqualTo(first.readers());
        assertThat(first.readers()).hasSize(4);
        assertThat(other.readers()).isNotEqualTo(first.readers());
    }

    @Test
    void targetsAreStrongAndNeverInTheInputNorInTheTrainingData() {
        HeldOutSplit split = HeldOutSplit.of(this.all, LowRatings.NONE, new EvaluationProtocol(1000, 42, true));

        for (HeldOutReader reader : split.readers()) {
            assertThat(reader.input()).doesNotContainAnyElementsOf(reader.targets());
            assertThat(reader.targets()).allMatch((book) -> book.startsWith("liked-"));
            assertThat(booksOf(split.training(), reader.userId())).doesNotContainAnyElementsOf(reader.targets())
                .containsExactlyInAnyOrderElementsOf(reader.input());
        }
    }

    @Test
    void keepsEveryOtherReaderInFullAndToReadMarksAsInput() {
        HeldOutSplit split = HeldOutSplit.of(this.all, LowRatings.NONE, new EvaluationProtocol(1000, 42, true));

        assertThat(booksOf(split.training(), "r2")).containsExactlyInAnyOrderElementsOf(booksOf(this.all, "r2"));
        HeldOutReader reader = split.readers().get(0);
        assertThat(reader.input()).contains("saved-1", "saved-2");
        assertThat(reader.inputSignals().get(reader.input().indexOf("saved-1"))).isEqualTo(Signal.SAVED);
        assertThat(split.training().size()).isEqualTo(this.all.size()
                - split.readers().stream().mapToInt((held) -> held.targets().size()).sum());
    }

    @Test
    void excludesStrongInputAndLowRatingsButNeverTargetsNorToReadMarks() {
        HeldOutSplit probe = HeldOutSplit.of(this.all, LowRatings.NONE, new EvaluationProtocol(1, 42, true));
        HeldOutReader drawn = probe.readers().get(0);
        LowRatings lowRatings = LowRatings.builder().add(drawn.userId(), "disliked")
            .add(drawn.userId(), drawn.targets().get(0))
            .build();

        HeldOutReader reader = HeldOutSplit.of(this.all, lowRatings, new EvaluationProtocol(1, 42, true))
            .readers()
            .get(0);

        Set<String> expected = new HashSet<>(reader.input());
        expected.removeAll(List.of("saved-1", "saved-2"));
        expected.add("disliked");
        assertThat(reader.excluded()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void leavesToReadMarksOutWhenTheProtocolSaysSo() {
        HeldOutSplit split = HeldOutSplit.of(this.all, LowRatings.NONE, new EvaluationProtocol(1000, 42, false));

        assertThat(split.readers()).allMatch((reader) -> !reader.inputSignals().contains(Signal.SAVED));
        assertThat(booksOf(split.training(), "r2")).noneMatch((book) -> book.startsWith("saved-"));
    }

    /** Reader {@code rN} liked N books and saved two, so readers r5 and above have five strong positives or more. */
    private static Interactions library() {
        InteractionsBuilder builder = new InteractionsBuilder();
        for (int reader = 1; reader <= 13; reader++) {
            for (int book = 0; book < reader; book++) {
                builder.addPositive("r" + reader, "liked-" + (book * 7 + reader) % 40, 1_700_000_000L, Signal.STRONG);
            }
            builder.addPositive("r" + reader, "saved-1", 1_700_000_000L, Signal.SAVED);
            builder.addPositive("r" + reader, "saved-2", 1_700_000_000L, Signal.SAVED);
        }
        return builder.build();
    }

    private static List<String> booksOf(Interactions interactions, String userId) {
        int user = List.of(interactions.userIds()).indexOf(userId);
        List<String> books = new ArrayList<>();
        for (int i = interactions.userOffsets()[user]; i < interactions.userOffsets()[user + 1]; i++) {
            books.add(interactions.bookIds()[interactions.userBooks()[i]]);
        }
        return books;
    }

}
