package io.curio.inference.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The quality of a model's lists, averaged over the held-out readers.
 *
 * @param recall20 Recall@20
 * @param ndcg20 NDCG@20
 * @param recall50 Recall@50
 * @param ndcg100 NDCG@100
 * @param coverage20 distinct books in all top-20 lists over the books in the catalogue
 * @param readers how many readers were ranked
 */
public record Metrics(double recall20, double ndcg20, double recall50, double ndcg100, double coverage20,
        int readers) {

    /** The metrics by the names a model's metadata records them under. */
    public Map<String, Double> asMap() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("recall@20", this.recall20);
        metrics.put("ndcg@20", this.ndcg20);
        metrics.put("recall@50", this.recall50);
        metrics.put("ndcg@100", this.ndcg100);
        metrics.put("coverage@20", this.coverage20);
        return metrics;
    }

}
