package io.curio.inference.algebra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InteractionMatrixTests {

    @Test
    void holdsRowsAndColumnsSortedAndKeepsTheLargestWeightOfARepeatedPair() {
        InteractionMatrix matrix = InteractionMatrix.of(3, 4, new int[] { 2, 0, 0, 2, 0 }, new int[] { 1, 3, 1, 1, 3 },
                new float[] { 1f, 2f, 1f, 5f, 0.5f });

        assertThat(matrix.nonZeros()).isEqualTo(3);
        assertThat(matrix.itemsOf(0)).containsExactly(1, 3);
        assertThat(matrix.weightsOf(0)).containsExactly(1f, 2f);
        assertThat(matrix.itemsOf(1)).isEmpty();
        assertThat(matrix.weightsOf(2)).containsExactly(5f);
        assertThat(matrix.usersOf(1)).isEqualTo(2);
        assertThat(matrix.usersOf(2)).isZero();
        assertThat(matrix.itemUsers).containsExactly(0, 2, 0);
        assertThat(matrix.itemWeights).containsExactly(1f, 5f, 2f);
    }

    @Test
    void rejectsAnIndexOutsideTheMatrix() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> InteractionMatrix.of(2, 2, new int[] { 0 }, new int[] { 2 }, new float[] { 1f }))
            .withMessageContaining("(0, 2)");
    }

    @Test
    void rejectsAWeightThatIsNotPositive() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> InteractionMatrix.of(2, 2, new int[] { 1 }, new int[] { 1 }, new float[] { 0f }))
            .withMessageContaining("0.0");
    }

}
