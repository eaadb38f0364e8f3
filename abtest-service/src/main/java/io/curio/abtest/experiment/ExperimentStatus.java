package io.curio.abtest.experiment;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an experiment is in its life: created, serving assignments, or finished for good.
 */
public enum ExperimentStatus {

    DRAFT, RUNNING, STOPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExperimentStatus fromWireName(String name) {
        return Arrays.stream(values())
            .filter((status) -> status.wireName().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown experiment status: " + name));
    }

}
