package io.curio.inference.training;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class ModelTrainingTests {

    private final HubEventReader reader = mock(HubEventReader.class);

    private final ModelStore store = mock(ModelStore.class);

    private final ModelRegistry registry = new ModelRegistry(this.store, new SimpleMeterRegistry());


    @Test
    void refusesToReplaceAServedModelWithAnEmptyOne() {
        given(this.reader.readAll(any(), any())).willReturn(new HubEventReader.ReadSummary(0, 0));
        ModelTraining training = new ModelTraining(this.reader, this.store, this.registry, Trainers.defaults(),
                List::of, (trainer, data, metadata, trained, measuring) -> new ModelCheck.Checked(
                        trainer.train(data, metadata, trained), Map.of(), 0), Clock.systemUTC());

        assertThatExceptionOfType(NoTrainingDataException.class)
            .isThrownBy(() -> training.run(new TrainingJob("j1", Algorithm.POPULARITY)))
            .withMessageContaining("no positive interaction");
        then(this.store).should(never()).save(any());
        assertThat(this.registry.newest(Algorithm.POPULARITY)).isEmpty();
    }

    @Test
    void givesTwoTrainingsOfOneSecondVersionsOfTheirOwn() {
        // given: a clock that stands still, and trainings that stop once their version is named
        given(this.reader.readAll(any(), any())).willReturn(new HubEventReader.ReadSummary(0, 0));
        ModelTraining training = new ModelTraining(this.reader, this.store, this.registry, Trainers.defaults(),
                List::of, (trainer, data, metadata, trained, measuring) -> new ModelCheck.Checked(
                        trainer.train(data, metadata, trained), Map.of(), 0),
                Clock.fixed(Instant.parse("2026-12-05T05:12:12.400Z"),
                        ZoneOffset.UTC));
        TrainingJob first = new TrainingJob("j1", Algorithm.POPULARITY);
        TrainingJob second = new TrainingJob("j2", Algorithm.POPULARITY);

        // when
        assertThatExceptionOfType(NoTrainingDataException.class).isThrownBy(() -> training.run(first));
        assertThatExceptionOfType(NoTrainingDataException.class).isThrownBy(() -> training.run(second));

        // then
        assertThat(first.status().version()).isEqualTo("2026-12-05T05-12-12Z");
        assertThat(second.status().version()).isEqualTo("2026-12-05T05-12-13Z");
    }

}
