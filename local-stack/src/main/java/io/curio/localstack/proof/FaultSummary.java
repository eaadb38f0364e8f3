package io.curio.localstack.proof;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The few lines a fault test ends with.
 */
final class FaultSummary {

    private final PrintStream out;

    FaultSummary(PrintStream out) {
        this.out = out;
    }

    void print(FaultReport report, Path file) {
        this.out.println();
        this.out.printf("fault test %s: %s%n", report.runId(), report.passed() ? "PASSED" : "FAILED");
        this.out.printf("  sent %d, accepted %d (%d through the gateway, %d with PutRecords), %d retries, "
                + "%d refused%n", report.sent(), report.accepted(), report.acceptedThroughGateway(),
                report.acceptedOnStream(), report.retries(), report.refused());
        this.out.printf("  hub: %d distinct ids in %d objects, %d duplicates, %d missing %s, %d unknown %s%n",
                report.hubDistinct(), report.hubObjects(), report.hubDuplicates(), report.missing(),
                report.missingFirst(), report.unknown(), report.unknownFirst());
        this.out.printf("  feature store: %d rows, %d distinct, %d missing %s%n", report.featureRows(),
                report.featureDistinct(), report.featureMissing(), report.featureMissingFirst());
        this.out.printf("  kills: %d of %d planned%n", report.kills().size(), report.killsPlanned());
        report.kills().forEach((kill) -> this.out.printf("    %s pid %d killed %s, ready again %s%n", kill.service(),
                kill.pid(), kill.killedAt(), (kill.readyAt() != null) ? kill.readyAt() : "never"));
        this.out.printf("  sending %.1f s, wall %.1f s; report %s%n", report.sendSeconds(), report.wallSeconds(),
                file);
    }

}
