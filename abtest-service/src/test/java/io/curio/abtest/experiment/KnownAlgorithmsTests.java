package io.curio.abtest.experiment;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.curio.abtest.AbtestProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class KnownAlgorithmsTests {

    private final KnownAlgorithms algorithms = new KnownAlgorithms(
            new AbtestProperties(Duration.ofSeconds(5), List.of("popularity", "item-neighbours")));

    @Test
    void acceptsKnownAlgorithmsWithAndWithoutVersion() {
        // given
        List<Variant> variants = List.of(new Variant("control", 50, "popularity"),
                new Variant("treatment", 50, "item-neighbours@2026-12-04T10-00-00Z"));

        // when / then
        assertThatNoException().isThrownBy(() -> this.algorithms.check(variants));
    }

    @Test
    void rejectsUnknownAlgorithmNamingTheVariantModel() {
        // given
        List<Variant> variants = List.of(new Variant("control", 50, "popularity"), new Variant("treatment", 50, "als"));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class).isThrownBy(() -> this.algorithms.check(variants))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants[1].model"))
            .withMessageContaining("'als'")
            .withMessageContaining("popularity, item-neighbours");
    }

    @Test
    void rejectsUnknownAlgorithmEvenWithAVersion() {
        // given
        List<Variant> variants = List.of(new Variant("control", 50, "als@2026-12-04T10-00-00Z"),
                new Variant("treatment", 50, "popularity"));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class).isThrownBy(() -> this.algorithms.check(variants))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants[0].model"));
    }

    @Test
    void rejectsVersionOfAnotherShape() {
        // given
        List<Variant> variants = List.of(new Variant("control", 50, "popularity"),
                new Variant("treatment", 50, "popularity@2026-12-04T10:00:00Z"));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class).isThrownBy(() -> this.algorithms.check(variants))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants[1].model"))
            .withMessageContaining("YYYY-MM-DDTHH-MM-SSZ");
    }

    @Test
    void rejectsVersionThatIsNoTime() {
        // given
        List<Variant> variants = List.of(new Variant("control", 50, "popularity@2026-13-04T10-00-00Z"),
                new Variant("treatment", 50, "popularity"));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class).isThrownBy(() -> this.algorithms.check(variants))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants[0].model"));
    }

}
