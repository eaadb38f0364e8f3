package io.curio.abtest.experiment;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.curio.abtest.experiment.ExperimentChange.Weight;
import io.curio.assignment.BucketRange;
import io.curio.assignment.Targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExperimentChangeTests {

    private static final Experiment RUNNING = new Experiment("home-ranking", "home", ExperimentStatus.RUNNING, 10,
            Targeting.EVERYONE, List.of(new Variant("control", 50, "popularity", List.of(new BucketRange(0, 5000))),
                    new Variant("treatment", 50, "ease", List.of(new BucketRange(5000, 10_000)))),
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
    void reweightsMovingOnlyTheBucketsTheGrowingVariantLacks() {
        // when
        Experiment changed = ExperimentRules.changed(RUNNING,
                new ExperimentChange(null, List.of(new Weight("control", 30), new Weight("treatment", 70))));

        // then
        assertThat(changed.trafficPercent()).isEqualTo(10);
        assertThat(changed.variants()).containsExactly(
                new Variant("control", 30, "popularity", List.of(new BucketRange(0, 3000))),
                new Variant("treatment", 70, "ease", List.of(new BucketRange(3000, 10_000))));
    }

    @Test
    void rejectsVariantsInAnotherOrder() {
        // given
        ExperimentChange change = new ExperimentChange(null,
                List.of(new Weight("treatment", 10), new Weight("control", 90)));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class)
            .isThrownBy(() -> ExperimentRules.changed(RUNNING, change))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants[0].name"));
    }

    @Test
    void rejectsAChangedModel() {
        // given
        ExperimentChange change = new ExperimentChange(null,
                List.of(new Weight("control", 50, "popularity"), new Weight("treatment", 50, "als")));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class)
            .isThrownBy(() -> ExperimentRules.changed(RUNNING, change))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants[1].model"));
    }

    @Test
    void rejectsAMissingVariant() {
        // given
        Experiment three = new Experiment("three", "home", ExperimentStatus.RUNNING, 100, Targeting.EVERYONE,
                List.of(new Variant("a", 40, "popularity"), new Variant("b", 30, "ease"),
                        new Variant("c", 30, "als")),
                Instant.parse("2026-12-04T10:00:00Z"), null, null);
        ExperimentChange change = new ExperimentChange(null, List.of(new Weight("a", 50), new Weight("b", 50)));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class)
            .isThrownBy(() -> ExperimentRules.changed(three, change))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants"));
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
