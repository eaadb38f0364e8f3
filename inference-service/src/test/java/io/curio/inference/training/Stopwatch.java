package io.curio.inference.training;

import java.lang.management.ManagementFactory;

/**
 * Wall-clock and process CPU time since a start.
 *
 * @param startedNanos {@link System#nanoTime()} at the start
 * @param startedCpuNanos the process's CPU time at the start, every thread and the collector included
 */
record Stopwatch(long startedNanos, long startedCpuNanos) {

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static Stopwatch start() {
        return new Stopwatch(System.nanoTime(), SYSTEM.getProcessCpuTime());
    }

    double seconds() {
        return (System.nanoTime() - this.startedNanos) / 1e9;
    }

    double cpuSeconds() {
        return (SYSTEM.getProcessCpuTime() - this.startedCpuNanos) / 1e9;
    }

}
