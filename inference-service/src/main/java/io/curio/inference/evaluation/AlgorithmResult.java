package io.curio.inference.evaluation;

import java.util.Map;

/**
 * What the evaluation of one algorithm measured.
 *
 * @param algorithm the algorithm's model name
 * @param parameters the parameters its model was trained with
 * @param metrics the quality of its lists
 * @param trainingSeconds wall-clock seconds of training
 * @param scoring the time to rank a reader
 * @param books how many books the model ranks
 * @param modelBytes size of the model's artifact ({@code model.bin.gz}), or {@code null} when it cannot be written
 */
public record AlgorithmResult(String algorithm, Map<String, Object> parameters, Metrics metrics,
        double trainingSeconds, ScoringTime scoring, int books, Long modelBytes) {

    public AlgorithmResult {
        parameters = Map.copyOf(parameters);
    }

}
