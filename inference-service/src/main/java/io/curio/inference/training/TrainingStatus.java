package io.curio.inference.training;

/**
 * What a training job is doing, as {@code GET /internal/models/trainings/{id}} shows it.
 *
 * @param id the job id
 * @param algorithm the algorithm's model name
 * @param state {@code running}, {@code succeeded} or {@code failed}
 * @param stage {@code queued}, {@code reading}, {@code indexing}, {@code scoring}, {@code writing},
 * {@code loading} or {@code done}
 * @param progress overall fraction done, 0..1
 * @param version the model version, once known
 * @param error why it failed, or {@code null}
 */
public record TrainingStatus(String id, String algorithm, String state, String stage, double progress,
        String version, String error) {
}
