package io.curio.inference.training;

import java.util.List;
import java.util.Map;

/**
 * What the models benchmark measured of one algorithm. A target is {@code null} where the product sets none.
 *
 * @param algorithm the algorithm's model name
 * @param parameters the training parameters, as the model's metadata records them
 * @param trainingSeconds wall-clock time of {@link Trainer#train}, the hub read excluded
 * @param trainingCpuSeconds CPU time of the process meanwhile
 * @param checkSeconds the rest of the held-out check around the training: the split and the measuring
 * @param checkedReaders held-out readers the check measured
 * @param metrics the check's offline metrics
 * @param trainingTargetSeconds the product's training target
 * @param books books the model scores
 * @param requests request times by history length
 * @param requestTargetMicros the product's per-request target for a top-10 list
 * @param footprint artifact size, read time and heap held
 */
record ModelMeasurement(String algorithm, Map<String, Object> parameters, double trainingSeconds,
        double trainingCpuSeconds, double checkSeconds, int checkedReaders, Map<String, Double> metrics,
        Double trainingTargetSeconds, int books, List<RequestTimes> requests,
        Double requestTargetMicros, ModelFootprint footprint) {

    ModelMeasurement {
        requests = List.copyOf(requests);
        metrics = Map.copyOf(metrics);
    }

}
