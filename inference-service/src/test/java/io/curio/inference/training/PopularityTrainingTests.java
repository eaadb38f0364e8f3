package io.curio.inference.training;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static io.curio.inference.training.Events.T0;
import static io.curio.inference.training.Events.liked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class PopularityTrainingTests {

    private final PopularityTraining training = new PopularityTraining(Duration.ofDays(30));

    @Test
    void countsDistinctReadersDecayedByTheAgeOfTheirLatestInteraction() {
        InteractionsBuilder builder = new InteractionsBuilder();
        builder.add(liked("u1", "old", T0));
        builder.add(liked("u2", "old", T0));
        builder.add(liked("u1", "new", T0.plus(Duration.ofDays(60))));
        builder.add(liked("u1", "new", T0.plus(Duration.ofDays(30))));

        float[] scores = this.training.scores(builder.build());

        assertThat(scores[0]).isCloseTo(2 * 0.25f, within(1e-6f));
        assertThat(scores[1]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void ranksTheRecentlyLikedBookAboveTheOnceLikedOne() {
        InteractionsBuilder builder = new InteractionsBuilder();
        for (int user = 0; user < 3; user++) {
            builder.add(liked("u" + user, "classic", T0));
        }
        builder.add(liked("u9", "trending", T0.plus(Duration.ofDays(90))));
        builder.add(liked("u8", "trending", T0.plus(Duration.ofDays(90))));

        float[] scores = this.training.scores(builder.build());

        assertThat(scores[1]).isGreaterThan(scores[0]);
    }

    @Test
    void rejectsANonPositiveHalfLife() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PopularityTraining(Duration.ZERO))
            .withMessageContaining("PT0S");
    }

}
