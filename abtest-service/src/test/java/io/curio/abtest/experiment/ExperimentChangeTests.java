package io.curio.abtest.experiment;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.curio.abtest.experiment.ExperimentChange.Weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExperimentChangeTests {

    private static final Experiment RUNNING = new Experiment("home-ranking", "home", ExperimentStatus.RUNNING, 10,
            Targeting.EVERYONE, List.of(new Variant("control", 50, "popularity"), new Variant("treatment", 50, "ease")),
            Instant.parse("2026-12-04T10:00:00Z"), Instant.parse("2026-12-04T10:05:00Z"), null);

    @Test
    void rampsTheTrafficAndKeepsTheWeights() {
        // when
        Experiment changed = ExperimentRules.changed(RUNNING, new ExperimentChange(50, null));

        // then
        assertThat(changed.trafficPercent()).isEqualTo(50);
        assertThat(changed.variants()).isEqualTo(RUNNING.variants());
    }

    @Test
    void reweightsInDeclaredOrderWhateverTheOrderGiven() {
        // when
        Experiment changed = ExperimentRules.changed(RUNNING,
                new ExperimentChange(null, List.of(new Weight("treatment", 10), new Weight("control", 90))));

        // then
        assertThat(changed.trafficPercent()).isEqualTo(10);
        assertThat(changed.variants()).containsExactly(new Variant("control", 90, "popularity"),
                new Variant("treatment", 10, "ease"));
    }

    @Test
    void rejectsAnEmptyChange() {
        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class)
            .isThrownBy(() -> ExperimentRules.changed(RUNNING, new ExperimentChange(null, null)));
    }

    @Test
    void rejectsAnUnknownVariant() {
        // given
        ExperimentChange change = new ExperimentChange(null,
                List.of(new Weight("control", 50), new Weight("rival", 50)));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class)
            .isThrownBy(() -> ExperimentRules.changed(RUNNING, change))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants[1].name"));
    }

    @Test
    void rejectsWeightsNotSummingToOneHundred() {
        // given
        ExperimentChange change = new ExperimentChange(null,
                List.of(new Weight("control", 50), new Weight("treatment", 60)));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class)
            .isThrownBy(() -> ExperimentRules.changed(RUNNING, change))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants[].weight"));
    }

    @Test
    void rejectsARepeatedVariant() {
        // given
        ExperimentChange change = new ExperimentChange(null,
                List.of(new Weight("control", 50), new Weight("control", 50)));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class)
            .isThrownBy(() -> ExperimentRules.changed(RUNNING, change))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants[1].name"));
    }

}
