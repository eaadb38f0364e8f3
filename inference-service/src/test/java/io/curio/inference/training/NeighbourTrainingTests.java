package io.curio.inference.training;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.curio.inference.training.Events.liked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NeighbourTrainingTests {

    /**
     * Readers u1..u3 liked a and b; u3 and u4 liked c; u5 liked only d. So a and b always go together,
     * c shares one reader with each of them, and d shares none.
     */
    private static Interactions tinyLibrary() {
        InteractionsBuilder builder = new InteractionsBuilder();
        for (String user : List.of("u1", "u2", "u3")) {
            builder.add(liked(user, "a"));
            builder.add(liked(user, "b"));
        }
        builder.add(liked("u3", "c"));
        builder.add(liked("u4", "c"));
        builder.add(liked("u5", "d"));
        return builder.build();
    }

    @Test
    void computesShrunkCosineSimilarity() {
        Interactions interactions = tinyLibrary();

        NeighbourTraining.Neighbours neighbours = new NeighbourTraining(1, 10, 1).compute(interactions, (p) -> {
        });

        int a = 0;
        int start = neighbours.offsets()[a];
        assertThat(neighbours.neighbours()[start]).isEqualTo(1);
        assertThat(neighbours.similarities()[start]).isCloseTo(3f / (3 + 1), within(1e-6f));
        assertThat(neighbours.neighbours()[start + 1]).isEqualTo(2);
        assertThat(neighbours.similarities()[start + 1]).isCloseTo((float) (1 / (Math.sqrt(6) + 1)), within(1e-6f));
    }

    @Test
    void givesABookWithoutCoReadersNoNeighbours() {
        NeighbourTraining.Neighbours neighbours = new NeighbourTraining(10, 10, 2).compute(tinyLibrary(), (p) -> {
        });

        int d = 3;
        assertThat(neighbours.offsets()[d + 1] - neighbours.offsets()[d]).isZero();
    }

    @Test
    void keepsOnlyTheBestKNeighboursBestFirst() {
        NeighbourTraining.Neighbours neighbours = new NeighbourTraining(0, 1, 2).compute(tinyLibrary(), (p) -> {
        });

        int c = 2;
        assertThat(neighbours.offsets()[c + 1] - neighbours.offsets()[c]).isEqualTo(1);
        assertThat(neighbours.neighbours()[neighbours.offsets()[c]]).isEqualTo(0);
    }

    @Test
    void givesTheSameResultOnOneThreadAndOnMany() {
        Interactions interactions = tinyLibrary();

        NeighbourTraining.Neighbours single = new NeighbourTraining(10, 2, 1).compute(interactions, (p) -> {
        });
        NeighbourTraining.Neighbours parallel = new NeighbourTraining(10, 2, 4).compute(interactions, (p) -> {
        });

        assertThat(parallel.offsets()).containsExactly(single.offsets());
        assertThat(parallel.neighbours()).containsExactly(single.neighbours());
        assertThat(parallel.similarities()).containsExactly(single.similarities());
    }

    @Test
    void reportsProgressUpToTheWhole() {
        List<Double> reported = new ArrayList<>();

        new NeighbourTraining(10, 2, 1).compute(tinyLibrary(), reported::add);

        assertThat(reported).last().isEqualTo(1.0);
    }

}
