package io.curio.localstack.proof;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * What {@code curio bench ingestion} measured, as written to its JSON report. A part that did not run is
 * {@code null}.
 *
 * @param startedAt when the run began
 * @param machine the machine and its load when the run began
 * @param streamToHub events a second from the stream into the hub, per ingestion instance
 * @param bulkImport the history import of a dataset folder
 * @param freshness delays from {@code occurredAt} until feature-service shows the event
 * @param consumerCost the archive consumer's cost per event without the emulator, as its own benchmark wrote it
 */
record BenchReport(Instant startedAt, Machine machine, StreamToHubRun.Result streamToHub,
        BulkImportRun.Result bulkImport, FreshnessRun.Result freshness, JsonNode consumerCost) {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    /** Import of the full goodbooks folder, at most. */
    static final double BULK_IMPORT_TARGET_SECONDS = 60;

    /** Stream-to-feature freshness at the 99th percentile, at most. */
    static final long FRESHNESS_P99_TARGET_MS = 2_000;

    /**
     * @param cores processors the JVM sees
     * @param loadAverage the one-minute load average
     */
    record Machine(int cores, double loadAverage) {

        static Machine now() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

    }

}
