package io.curio.inference.training;

/**
 * The optional body of {@code POST /internal/models/{algorithm}/trainings}.
 *
 * @param promote {@code false} stores the version and its metrics as {@code held}, without offering it to the
 * promotion gate, so that a canary can roll it out; {@code true} or absent offers it as usual
 */
public record TrainingOptions(Boolean promote) {

    public static final TrainingOptions DEFAULTS = new TrainingOptions(true);

    /** Whether the trained version is offered to the promotion gate. */
    public boolean offered() {
        return this.promote == null || this.promote;
    }

}
