package io.curio.inference.training;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The models benchmark's closing table: one row per algorithm, targets beside the numbers they apply to.
 */
final class Summary {

    private Summary() {
    }

    static void print(PrintStream out, List<ModelMeasurement> measured) {
        out.println();
        out.printf(Locale.ROOT, "%-16s %18s %9s %7s %9s %-36s %10s %9s %7s %9s %9s%n", "algorithm",
                "train s (target)", "train cpu", "check s", "recall@20", "top-10 p50/p99 µs, history 10|50|200",
                "req target", "artifact", "read s", "retained", "own bytes");
        for (ModelMeasurement model : measured) {
            out.printf(Locale.ROOT, "%-16s %18s %9.1f %7.1f %9.3f %-36s %10s %8.1fM %7.2f %8.1fM %9s%n",
                    model.algorithm(), training(model), model.trainingCpuSeconds(), model.checkSeconds(),
                    model.metrics().getOrDefault("recall@20", 0.0), requests(model.requests()),
                    requestTarget(model),
                    model.footprint().artifactBytes() / 1e6, model.footprint().readSeconds(),
                    model.footprint().retainedHeapBytes() / 1e6, ownBytes(model.footprint().ownBytes()));
        }
        out.println("check: the held-out split and measuring around the training; retained heap: used heap after "
                + "System.gc() with the read model held minus before, approximate");
    }

    private static String training(ModelMeasurement model) {
        String seconds = String.format(Locale.ROOT, "%.1f", model.trainingSeconds());
        return (model.trainingTargetSeconds() != null)
                ? String.format(Locale.ROOT, "%s (<= %.0f)", seconds, model.trainingTargetSeconds()) : seconds;
    }

    private static String requestTarget(ModelMeasurement model) {
        return (model.requestTargetMicros() != null)
                ? String.format(Locale.ROOT, "%.0f", model.requestTargetMicros()) : "-";
    }

    private static String requests(List<RequestTimes> times) {
        return String.join(" | ", times.stream()
            .map((time) -> String.format(Locale.ROOT, "%.0f/%.0f", time.p50Micros(), time.p99Micros()))
            .toList());
    }

    private static String ownBytes(long bytes) {
        return (bytes < 0) ? "-" : String.format(Locale.ROOT, "%.1fM", bytes / 1e6);
    }

}
