package io.curio.inference.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingOptionsTests {

    @Test
    void offersTheTrainedVersionUnlessAskedNotTo() {
        assertThat(TrainingOptions.DEFAULTS.offered()).isTrue();
        assertThat(new TrainingOptions(null).offered()).isTrue();
        assertThat(new TrainingOptions(true).offered()).isTrue();
        assertThat(new TrainingOptions(false).offered()).isFalse();
    }

}
