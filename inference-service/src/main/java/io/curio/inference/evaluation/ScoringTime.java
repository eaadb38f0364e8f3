package io.curio.inference.evaluation;

import java.util.Arrays;

/**
 * The wall-clock time to rank one reader: build their books, score every book, drop the excluded ones and keep
 * the best {@value EvaluationProtocol#LIST_LENGTH}.
 *
 * @param medianMicros the median, in microseconds
 * @param p99Micros the 99th percentile (nearest rank), in microseconds
 */
public record ScoringTime(double medianMicros, double p99Micros) {

    static ScoringTime of(long[] nanos) {
        if (nanos.length == 0) {
            return new ScoringTime(0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new ScoringTime(percentile(sorted, 0.5) / 1_000.0, percentile(sorted, 0.99) / 1_000.0);
    }

    private static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

}
