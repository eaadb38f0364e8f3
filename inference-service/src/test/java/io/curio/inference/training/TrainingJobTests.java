package io.curio.inference.training;

import io.curio.inference.model.Algorithm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainingJobTests {

    @Test
    void reportsProgressWithinTheCurrentStage() {
        TrainingJob job = new TrainingJob("j1", Algorithm.ITEM_NEIGHBOURS);

        job.enter(TrainingJob.Stage.SCORING);
        job.progress(0.5);

        TrainingStatus status = job.status();
        assertThat(status.stage()).isEqualTo("scoring");
        assertThat(status.progress()).isCloseTo(0.775, within(1e-9));
        assertThat(status.state()).isEqualTo("running");
    }

    @Test
    void keepsTheStageAndReasonOfAFailure() {
        TrainingJob job = new TrainingJob("j1", Algorithm.POPULARITY);
        job.enter(TrainingJob.Stage.READING);

        job.failed("NoSuchBucketException: bucket curio");

        assertThat(job.status()).extracting(TrainingStatus::state, TrainingStatus::stage, TrainingStatus::error)
            .containsExactly("failed", "reading", "NoSuchBucketException: bucket curio");
    }

}
