package io.curio.abtest.exposure;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.curio.abtest.assignment.RunningExperimentsLoaded;
import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.ExperimentStatus;
import io.curio.abtest.experiment.Variant;

import static org.assertj.core.api.Assertions.assertThat;

class ExposureMetersTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final ExposureMeters meters = new ExposureMeters(this.registry);

    @Test
    void registersZeroImpressionsAndClicksForEveryVariantOfALoadedExperiment() {
        // given
        Experiment running = new Experiment("home-ranking", "home", ExperimentStatus.RUNNING, 100, null,
                List.of(new Variant("control", 50, "popularity"), new Variant("treatment", 50, "item-neighbours")),
                Instant.EPOCH, Instant.EPOCH, null);

        // when
        this.meters.runningExperimentsLoaded(new RunningExperimentsLoaded(List.of(running)));

        // then
        for (String name : List.of("curio.abtest.impressions", "curio.abtest.clicks",
                "curio.abtest.fallback.impressions")) {
            assertThat(this.registry.find(name).counters()).extracting((counter) -> counter.getId().getTag("variant"))
                .containsExactlyInAnyOrder("control", "treatment");
            assertThat(this.registry.find(name).counters()).extracting(Counter::count).containsOnly(0.0);
        }
    }

    @Test
    void countsOnTheCounterRegisteredAtLoad() {
        // given
        Experiment running = new Experiment("home-ranking", "home", ExperimentStatus.RUNNING, 100, null,
                List.of(new Variant("control", 50, "popularity"), new Variant("treatment", 50, "item-neighbours")),
                Instant.EPOCH, Instant.EPOCH, null);
        this.meters.runningExperimentsLoaded(new RunningExperimentsLoaded(List.of(running)));

        // when
        this.meters.clicks("home-ranking", "treatment").increment();

        // then
        assertThat(this.registry.get("curio.abtest.clicks").tags("variant", "treatment").counter().count())
            .isEqualTo(1.0);
        assertThat(this.registry.find("curio.abtest.clicks").counters()).hasSize(2);
    }

    @Test
    void registersAnOutcomeCounterPerVariantAndType() {
        // given
        Experiment running = new Experiment("home-ranking", "home", ExperimentStatus.RUNNING, 100, null,
                List.of(new Variant("control", 50, "popularity"), new Variant("treatment", 50, "item-neighbours")),
                Instant.EPOCH, Instant.EPOCH, null);

        // when
        this.meters.runningExperimentsLoaded(new RunningExperimentsLoaded(List.of(running)));

        // then
        assertThat(this.registry.find("curio.abtest.outcomes").counters()).hasSize(8);
        assertThat(this.registry.find("curio.abtest.outcomes").tags("variant", "treatment").counters())
            .extracting((counter) -> counter.getId().getTag("type"))
            .containsExactlyInAnyOrder("click", "open", "finish", "upgrade");
    }

}
