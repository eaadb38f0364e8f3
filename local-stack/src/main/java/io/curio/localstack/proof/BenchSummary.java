package io.curio.localstack.proof;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The few lines {@code curio bench ingestion} ends with.
 */
final class BenchSummary {

    private final PrintStream out;

    BenchSummary(PrintStream out) {
        this.out = out;
    }

    void print(BenchReport report, Path file) {
        this.out.println();
        this.out.printf("ingestion benchmark, %d cores, load average %.1f at the start%n", report.machine().cores(),
                report.machine().loadAverage());
        if (report.streamToHub() != null) {
            StreamToHubRun.Result hub = report.streamToHub();
            this.out.printf("  stream to hub:  %.1f events/s per ingestion instance (%d events drained in %.1f s "
                    + "after a %.1f s start); emulator put rate %.1f/s%n", hub.eventsPerSecond(), hub.events(),
                    hub.drainSeconds(), hub.startSeconds(), hub.putPerSecond());
        }
        if (report.bulkImport() != null) {
            BulkImportRun.Result bulk = report.bulkImport();
            this.out.printf("  bulk import:    %.1f s in all (target %.0f s): read %.1f s, hub %.1f s at %.0f "
                    + "events/s, feature store %.1f s at %.0f events/s%n", bulk.totalSeconds(),
                    BenchReport.BULK_IMPORT_TARGET_SECONDS, bulk.loadSeconds(), bulk.hubSeconds(),
                    bulk.hubEventsPerSecond(), bulk.featureSeconds(), bulk.featureEventsPerSecond());
        }
        if (report.freshness() != null) {
            FreshnessRun.Result fresh = report.freshness();
            this.out.printf("  freshness:      p50 %d ms, p95 %d ms, p99 %d ms (target %d ms), max %d ms; %d of %d "
                    + "seen%n", fresh.p50Ms(), fresh.p95Ms(), fresh.p99Ms(), BenchReport.FRESHNESS_P99_TARGET_MS,
                    fresh.maxMs(), fresh.seen(), fresh.sent());
        }
        this.out.printf("  consumer cost:  %s%n", (report.consumerCost() != null) ? report.consumerCost()
                : "not measured (pass --consumer-cost FILE)");
        this.out.printf("  report %s%n", file);
    }

}
