package io.curio.inference.evaluation;

/**
 * Told how far an evaluation is, from any thread.
 */
@FunctionalInterface
public interface EvaluationProgress {

    /** Tells nobody. */
    EvaluationProgress NONE = (algorithm, stage, fraction) -> {
    };

    /**
     * Reports progress.
     *
     * @param algorithm the algorithm's model name
     * @param stage {@code training} or {@code scoring}
     * @param fraction the fraction of the stage done, 0 to 1
     */
    void report(String algorithm, String stage, double fraction);

}
