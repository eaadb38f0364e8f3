package io.curio.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The S3 data hub key layout. Hive-style partitions keep the hub readable by Athena, Glue, Spark and
 * DuckDB without a crawler. Keys are deterministic, so reprocessing a batch overwrites its object.
 */
public final class DataHubKeys {

    public static final String RAW_EVENTS = "raw/events/";

    public static final String REJECTED_EVENTS = "rejected/events/";

    public static final String MODELS = "models/";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
        .withZone(ZoneOffset.UTC);

    private DataHubKeys() {
    }

    /** {@code raw/events/dt=YYYY-MM-DD/hr=HH/<shard>-<first-sequence>.jsonl.gz} */
    public static String rawEvents(Instant receivedAt, String shardId, String firstSequenceNumber) {
        return RAW_EVENTS + partition(receivedAt) + shardId + "-" + firstSequenceNumber + ".jsonl.gz";
    }

    /** {@code rejected/events/dt=YYYY-MM-DD/hr=HH/<shard>-<first-sequence>.jsonl.gz} */
    public static String rejectedEvents(Instant receivedAt, String shardId, String firstSequenceNumber) {
        return REJECTED_EVENTS + partition(receivedAt) + shardId + "-" + firstSequenceNumber + ".jsonl.gz";
    }

    /** Bulk-imported history: {@code raw/events/dt=.../hr=.../import-<source>-<part>.jsonl.gz}. */
    public static String importedEvents(Instant importedAt, String source, int part) {
        return RAW_EVENTS + partition(importedAt) + "import-" + source + "-" + String.format("%05d", part)
                + ".jsonl.gz";
    }

    /**
     * Attribute snapshot: {@code raw/<entity>/dt=YYYY-MM-DD/<epoch-millis>.json}, entity {@code books} or
     * {@code users}.
     */
    public static String attributeSnapshot(String entity, Instant polledAt) {
        return attributePrefix(entity) + "dt=" + DAY.format(polledAt) + "/" + polledAt.toEpochMilli() + ".json";
    }

    public static String attributePrefix(String entity) {
        return "raw/" + entity + "/";
    }

    /** {@code models/<algorithm>/<version>/} */
    public static String modelPrefix(String algorithm, String version) {
        return MODELS + algorithm + "/" + version + "/";
    }

    /** A model version named after the time training started, e.g. {@code 2026-12-04T10-00-00Z}. */
    public static String modelVersion(Instant createdAt) {
        return STAMP.format(createdAt);
    }

    private static String partition(Instant receivedAt) {
        return "dt=" + DAY.format(receivedAt) + "/hr=" + HOUR.format(receivedAt) + "/";
    }

}
