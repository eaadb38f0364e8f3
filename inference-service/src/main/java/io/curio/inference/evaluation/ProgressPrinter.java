package io.curio.inference.evaluation;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints progress one line per tenth of a stage, so that a long training shows it is alive without flooding the
 * terminal.
 */
final class ProgressPrinter implements EvaluationProgress {

    private final PrintStream out;

    private final Map<String, Integer> printedTenths = new HashMap<>();

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void report(String algorithm, String stage, double fraction) {
        int tenths = (int) Math.floor(Math.min(Math.max(fraction, 0), 1) * 10);
        String key = algorithm + " " + stage;
        Integer printed = this.printedTenths.get(key);
        if (printed == null || tenths > printed) {
            this.printedTenths.put(key, tenths);
            this.out.printf("  %-16s %-8s %3d %%%n", algorithm, stage, tenths * 10);
        }
    }

}
