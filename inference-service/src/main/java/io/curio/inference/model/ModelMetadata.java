package io.curio.inference.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code metadata.json} says about a model artifact. Files written before offline metrics existed have no
 * {@code metrics} and read as an empty map.
 *
 * @param algorithm the algorithm's model name
 * @param version the registry version, {@code DataHubKeys.modelVersion(createdAt)}
 * @param createdAt when training started
 * @param dataFrom oldest positive interaction used
 * @param dataTo newest event read
 * @param events valid events read
 * @param interactions positive (reader, book) pairs after de-duplication
 * @param users readers with a positive interaction
 * @param books books with a positive interaction
 * @param parameters the training parameters
 * @param trainingSeconds wall-clock seconds from the first read to the scored model
 * @param metrics offline metrics by name, such as {@code recall@20} or {@code ndcg@20}, possibly none
 */
public record ModelMetadata(String algorithm, String version, Instant createdAt, Instant dataFrom, Instant dataTo,
        long events, long interactions, int users, int books, Map<String, Object> parameters,
        double trainingSeconds, Map<String, Double> metrics) {

    public ModelMetadata {
        parameters = (parameters != null) ? Map.copyOf(parameters) : Map.of();
        metrics = (metrics != null) ? sortedMetrics(metrics) : Map.of();
    }

    /** Metadata of a model without offline metrics. */
    public ModelMetadata(String algorithm, String version, Instant createdAt, Instant dataFrom, Instant dataTo,
            long events, long interactions, int users, int books, Map<String, Object> parameters,
            double trainingSeconds) {
        this(algorithm, version, createdAt, dataFrom, dataTo, events, interactions, users, books, parameters,
                trainingSeconds, Map.of());
    }

    /** The same metadata with offline metrics. */
    public ModelMetadata withMetrics(Map<String, Double> measured) {
        return new ModelMetadata(this.algorithm, this.version, this.createdAt, this.dataFrom, this.dataTo, this.events,
                this.interactions, this.users, this.books, this.parameters, this.trainingSeconds, measured);
    }

    private static Map<String, Double> sortedMetrics(Map<String, Double> metrics) {
        metrics.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("metric " + name + " must be a finite number, not " + value);
            }
        });
        return Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

}
