package io.curio.inference.training;

import io.curio.inference.model.Algorithm;

/**
 * The live state of one training job, written by the training thread and read by HTTP threads.
 */
final class TrainingJob {

    private final String id;

    private final Algorithm algorithm;

    private final boolean offered;

    private volatile String state = "running";

    private volatile Stage stage = Stage.QUEUED;

    private volatile double stageFraction;

    private volatile String version;

    private volatile String error;

    TrainingJob(String id, Algorithm algorithm) {
        this(id, algorithm, true);
    }

    /**
     * @param offered whether the trained version is offered to the promotion gate, or only stored as held
     */
    TrainingJob(String id, Algorithm algorithm, boolean offered) {
        this.id = id;
        this.algorithm = algorithm;
        this.offered = offered;
    }

    String id() {
        return this.id;
    }

    Algorithm algorithm() {
        return this.algorithm;
    }

    boolean isOffered() {
        return this.offered;
    }

    boolean isFinished() {
        return !"running".equals(this.state);
    }

    /** Moves to a stage at its start; entering the current stage again keeps its progress. */
    void enter(Stage next) {
        if (this.stage != next) {
            this.stage = next;
            this.stageFraction = 0;
        }
    }

    void progress(double fraction) {
        this.stageFraction = Math.min(1, Math.max(0, fraction));
    }

    void version(String trained) {
        this.version = trained;
    }

    void succeeded() {
        this.stage = Stage.DONE;
        this.state = "succeeded";
    }

    void failed(String reason) {
        this.error = reason;
        this.state = "failed";
    }

    TrainingStatus status() {
        Stage current = this.stage;
        double progress = current.start + (current.end - current.start) * this.stageFraction;
        return new TrainingStatus(this.id, this.algorithm.modelName(), this.state, current.label, progress,
                this.version, this.error);
    }

    /** The steps of a training, each with its share of the overall progress. */
    enum Stage {

        QUEUED("queued", 0, 0),
        READING("reading", 0, 0.6),
        INDEXING("indexing", 0.6, 0.65),
        SCORING("scoring", 0.65, 0.9),
        EVALUATING("evaluating", 0.9, 0.95),
        WRITING("writing", 0.95, 0.99),
        LOADING("loading", 0.99, 1),
        DONE("done", 1, 1);

        private final String label;

        private final double start;

        private final double end;

        Stage(String label, double start, double end) {
            this.label = label;
            this.start = start;
            this.end = end;
        }

        String label() {
            return this.label;
        }

    }

}
