package io.curio.inference.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * The results as a Markdown table, one row per algorithm, ready for a README.
 */
final class ResultsTable {

    private static final String HEADER = "| algorithm | Recall@20 | NDCG@20 | Recall@50 | NDCG@100 | Coverage@20 "
            + "| train s | µs/reader p50 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";

    private ResultsTable() {
    }

    static String of(List<AlgorithmResult> results) {
        StringBuilder table = new StringBuilder(HEADER);
        for (AlgorithmResult result : results) {
            Metrics metrics = result.metrics();
            table.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.1f | %.0f |%n",
                    result.algorithm(), metrics.recall20(), metrics.ndcg20(), metrics.recall50(), metrics.ndcg100(),
                    metrics.coverage20(), result.trainingSeconds(), result.scoring().medianMicros()));
        }
        return table.toString();
    }

}
