package io.curio.localstack.dataset;

import java.time.Duration;

/**
 * What a history import wrote to the data hub.
 *
 * @param events how many events were written
 * @param objects how many objects they were written to
 * @param bytes the compressed size of those objects
 * @param took how long the import took
 * @param prefix the common key prefix of exactly those objects, for {@code ListObjectsV2} and for
 *     feature-service's history import
 */
public record ImportSummary(long events, int objects, long bytes, Duration took, String prefix) {
}
