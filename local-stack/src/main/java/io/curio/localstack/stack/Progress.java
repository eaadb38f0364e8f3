package io.curio.localstack.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints one line per stage with its duration, and lines of progress inside a stage; keeps the durations for the
 * summary.
 */
public final class Progress {

    private final PrintStream out;

    private final Map<String, Duration> durations = new LinkedHashMap<>();

    private String stage;

    private long stageStart;

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void begin(String name) {
        this.stage = name;
        this.stageStart = System.nanoTime();
        this.out.printf("==> %s%n", name);
    }

    public void step(String line) {
        this.out.printf("    %s%n", line);
    }

    /** Ends the current stage with a short outcome. */
    public void end(String outcome) {
        Duration took = Duration.ofNanos(System.nanoTime() - this.stageStart);
        this.durations.put(this.stage, took);
        this.out.printf("    %s: %s (%s)%n", this.stage, outcome, format(took));
    }

    public Map<String, Duration> durations() {
        return new LinkedHashMap<>(this.durations);
    }

    public Duration total() {
        return this.durations.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    public static String format(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

}
