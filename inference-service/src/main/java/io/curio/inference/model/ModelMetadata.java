package io.curio.inference.model;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code metadata.json} says about a model artifact.
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
 */
public record ModelMetadata(String algorithm, String version, Instant createdAt, Instant dataFrom, Instant dataTo,
        long events, long interactions, int users, int books, Map<String, Object> parameters,
        double trainingSeconds) {

    public ModelMetadata {
        parameters = (parameters != null) ? Map.copyOf(parameters) : Map.of();
    }

}
