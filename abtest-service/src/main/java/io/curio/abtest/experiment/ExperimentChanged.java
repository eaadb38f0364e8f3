package io.curio.abtest.experiment;

/**
 * Published inside the transaction that created, started or stopped an experiment.
 *
 * @param key the experiment
 * @param action what happened: {@code create}, {@code start}, {@code update} or {@code stop}
 */
public record ExperimentChanged(String key, String action) {
}
