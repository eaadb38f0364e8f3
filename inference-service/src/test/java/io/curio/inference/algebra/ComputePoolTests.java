package io.curio.inference.algebra;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ComputePoolTests {

    @Test
    void runsEveryPieceExactlyOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(1_000);
        try (ComputePool pool = new ComputePool()) {
            pool.forEach(runs.length(), runs::incrementAndGet);
        }
        for (int piece = 0; piece < runs.length(); piece++) {
            assertThat(runs.get(piece)).as("piece %d", piece).isEqualTo(1);
        }
    }

    @Test
    void rethrowsTheFailureOfAPiece() {
        try (ComputePool pool = new ComputePool(2)) {
            assertThatIllegalStateException().isThrownBy(() -> pool.forEach(10, (piece) -> {
                if (piece == 7) {
                    throw new IllegalStateException("piece 7 failed");
                }
            })).withMessage("piece 7 failed");
        }
    }

}
