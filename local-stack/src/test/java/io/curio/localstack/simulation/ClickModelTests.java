package io.curio.localstack.simulation;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.curio.localstack.simulation.ClickModel.Reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClickModelTests {

    private static final List<String> SHOWN = List.of("b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10");

    @Test
    void lowersAttentionWithThePosition() {
        ClickModel model = ClickModel.DEFAULT;

        assertThat(model.bias(1)).isEqualTo(1.0);
        assertThat(model.bias(2)).isCloseTo(1 / 1.15, within(1e-12));
        assertThat(model.bias(10)).isCloseTo(1 / 2.35, within(1e-12));
    }

    @Test
    void givesTheSameReactionsForTheSameSeed() {
        SimulatedReader reader = reader(Set.of("b2", "b7"));

        List<Reaction> first = ClickModel.DEFAULT.react(SHOWN, reader, new Random(11));
        List<Reaction> second = ClickModel.DEFAULT.react(SHOWN, reader, new Random(11));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void alwaysClicksAndFinishesFutureBooksOnlyWhenEveryProbabilityIsOneAndThereIsNoNoise() {
        ClickModel certain = new ClickModel(1.0, 0.0, 0.0, 1.0);

        List<Reaction> reactions = certain.react(SHOWN, reader(Set.of("b3", "b9", "elsewhere")), new Random(1));

        assertThat(reactions).containsExactly(new Reaction("b3", 3, true, true), new Reaction("b9", 9, true, true));
    }

    @Test
    void clicksTheTopFutureBookAboutAsOftenAsItsProbabilityAndOtherBooksAsOftenAsTheNoise() {
        Random random = new Random(5);
        SimulatedReader reader = reader(Set.of("b1"));
        int topClicks = 0;
        int noiseClicks = 0;
        for (int list = 0; list < 20_000; list++) {
            for (Reaction reaction : ClickModel.DEFAULT.react(SHOWN, reader, random)) {
                topClicks += reaction.wanted() ? 1 : 0;
                noiseClicks += reaction.wanted() ? 0 : 1;
            }
        }

        assertThat(topClicks / 20_000.0).isCloseTo(SimulateOptions.DEFAULT_CLICK, within(0.01));
        assertThat(noiseClicks / (20_000.0 * 9)).isCloseTo(0.002, within(0.0006));
    }

    @Test
    void neverFinishesABookOutsideTheFuture() {
        ClickModel noisy = new ClickModel(0.9, 0.15, 1.0, 1.0);

        List<Reaction> reactions = noisy.react(SHOWN, reader(Set.of()), new Random(2));

        assertThat(reactions).hasSize(10).noneMatch(Reaction::finished);
    }

    @Test
    void refusesAProbabilityOutsideZeroToOne() {
        assertThatThrownBy(() -> new ClickModel(1.2, 0.15, 0.005, 0.5))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("click must be a probability in 0..1, not 1.2");
    }

    static SimulatedReader reader(Set<String> future) {
        return new SimulatedReader("42", "free", "ios", future);
    }

}
