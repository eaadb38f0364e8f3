package io.curio.inference.model;

import java.time.Instant;
import java.util.Map;

/** Hand-made models for tests. */
public final class Models {

    public static final Instant CREATED = Instant.parse("2026-12-04T10:00:00Z");

    private Models() {
    }

    public static ModelMetadata metadata(Algorithm algorithm, String version) {
        return new ModelMetadata(algorithm.modelName(), version, CREATED, CREATED.minusSeconds(3600), CREATED, 10, 8,
                3, 4, Map.of("k", 1), 0.5);
    }

    /** Books by id with the given scores. */
    public static PopularityModel popularity(String version, String[] books, float[] scores) {
        return new PopularityModel(metadata(Algorithm.POPULARITY, version), new BookIndex(books), scores);
    }

    /**
     * Books a, b, c, d, e: a's neighbours are b (0.9) and c (0.5); b's are a (0.9) and d (0.4); c, d and e have
     * none. Reader counts 5, 4, 3, 2, 1.
     */
    public static NeighbourModel neighbours(String version) {
        return neighbours(version, Map.of());
    }

    /** The neighbours above, with offline metrics. */
    public static NeighbourModel neighbours(String version, Map<String, Double> metrics) {
        return new NeighbourModel(metadata(Algorithm.ITEM_NEIGHBOURS, version).withMetrics(metrics),
                new BookIndex(new String[] { "a", "b", "c", "d", "e" }), new int[] { 5, 4, 3, 2, 1 },
                new int[] { 0, 2, 4, 4, 4, 4 }, new int[] { 1, 2, 0, 3 }, new float[] { 0.9f, 0.5f, 0.9f, 0.4f });
    }

}
