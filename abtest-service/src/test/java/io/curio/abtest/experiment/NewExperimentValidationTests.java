package io.curio.abtest.experiment;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.curio.abtest.experiment.NewExperiment.NewTargeting;
import io.curio.abtest.experiment.NewExperiment.NewVariant;
import io.curio.assignment.Targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NewExperimentValidationTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static ValidatorFactory factory;

    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @Test
    void acceptsAWellFormedExperiment() {
        // given
        NewExperiment request = experiment("home-ranking", variant("control", 50, "popularity"),
                variant("treatment", 50, "item-neighbours@2026-12-04T10-00-00Z"));

        // when
        Set<ConstraintViolation<NewExperiment>> violations = validator.validate(request);

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void rejectsKeyWithUpperCase() {
        // given
        NewExperiment request = experiment("Home", variant("control", 50, "popularity"),
                variant("treatment", 50, "popularity"));

        // when
        Set<ConstraintViolation<NewExperiment>> violations = validator.validate(request);

        // then
        assertThat(paths(violations)).containsExactly("key");
    }

    @Test
    void rejectsKeyLongerThanSixtyFourCharacters() {
        // given
        NewExperiment request = experiment("k".repeat(65), variant("control", 50, "popularity"),
                variant("treatment", 50, "popularity"));

        // when
        Set<ConstraintViolation<NewExperiment>> violations = validator.validate(request);

        // then
        assertThat(paths(violations)).containsExactly("key");
    }

    @Test
    void acceptsSurfaceOfThirtyTwoCharacters() {
        // given
        NewExperiment request = new NewExperiment("home-ranking", "s".repeat(32),
                List.of(variant("control", 50, "popularity"), variant("treatment", 50, "popularity")), null, null);

        // when
        Set<ConstraintViolation<NewExperiment>> violations = validator.validate(request);

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void rejectsSurfaceLongerThanThirtyTwoCharacters() {
        // given
        NewExperiment request = new NewExperiment("home-ranking", "s".repeat(33),
                List.of(variant("control", 50, "popularity"), variant("treatment", 50, "popularity")), null, null);

        // when
        Set<ConstraintViolation<NewExperiment>> violations = validator.validate(request);

        // then
        assertThat(paths(violations)).containsExactly("surface");
    }

    @Test
    void rejectsModelWithTwoVersions() {
        // given
        NewExperiment request = experiment("home-ranking", variant("control", 50, "popularity@1@2"),
                variant("treatment", 50, "popularity"));

        // when
        Set<ConstraintViolation<NewExperiment>> violations = validator.validate(request);

        // then
        assertThat(paths(violations)).containsExactly("variants[0].model");
    }

    @Test
    void rejectsVariantWithoutWeight() {
        // given
        NewExperiment request = experiment("home-ranking", new NewVariant("control", null, "popularity"),
                variant("treatment", 100, "popularity"));

        // when
        Set<ConstraintViolation<NewExperiment>> violations = validator.validate(request);

        // then
        assertThat(paths(violations)).containsExactly("variants[0].weight");
    }

    @Test
    void rejectsSingleVariant() {
        // given
        NewExperiment request = experiment("home-ranking", variant("control", 100, "popularity"));

        // when
        Set<ConstraintViolation<NewExperiment>> violations = validator.validate(request);

        // then
        assertThat(paths(violations)).containsExactly("variants");
    }

    @Test
    void rejectsTrafficAboveOneHundred() {
        // given
        NewExperiment request = new NewExperiment("home-ranking", "home",
                List.of(variant("control", 50, "popularity"), variant("treatment", 50, "popularity")), null, 101);

        // when
        Set<ConstraintViolation<NewExperiment>> violations = validator.validate(request);

        // then
        assertThat(paths(violations)).containsExactly("trafficPercent");
    }

    @Test
    void rejectsUnknownPlan() {
        // given
        NewExperiment request = new NewExperiment("home-ranking", "home",
                List.of(variant("control", 50, "popularity"), variant("treatment", 50, "popularity")),
                new NewTargeting(List.of("gold"), null), null);

        // when
        Set<ConstraintViolation<NewExperiment>> violations = validator.validate(request);

        // then
        assertThat(paths(violations)).containsExactly("targeting.plans[0].<list element>");
    }

    @Test
    void rejectsWeightsNotSummingToOneHundred() {
        // given
        NewExperiment request = experiment("home-ranking", variant("control", 50, "popularity"),
                variant("treatment", 40, "popularity"));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class)
            .isThrownBy(() -> ExperimentRules.toDraft(request, NOW))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants[].weight"))
            .withMessageContaining("not 90");
    }

    @Test
    void rejectsDuplicateVariantNames() {
        // given
        NewExperiment request = experiment("home-ranking", variant("control", 50, "popularity"),
                variant("control", 50, "item-neighbours"));

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class)
            .isThrownBy(() -> ExperimentRules.toDraft(request, NOW))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("variants[1].name"));
    }

    @Test
    void rejectsDuplicatePlatforms() {
        // given
        NewExperiment request = new NewExperiment("home-ranking", "home",
                List.of(variant("control", 50, "popularity"), variant("treatment", 50, "popularity")),
                new NewTargeting(null, List.of("ios", "ios")), null);

        // when / then
        assertThatExceptionOfType(InvalidExperimentException.class)
            .isThrownBy(() -> ExperimentRules.toDraft(request, NOW))
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("targeting.platforms"));
    }

    @Test
    void defaultsToAllTrafficAndEveryone() {
        // given
        NewExperiment request = experiment("home-ranking", variant("control", 50, "popularity"),
                variant("treatment", 50, "item-neighbours"));

        // when
        Experiment draft = ExperimentRules.toDraft(request, NOW);

        // then
        assertThat(draft.status()).isEqualTo(ExperimentStatus.DRAFT);
        assertThat(draft.trafficPercent()).isEqualTo(100);
        assertThat(draft.targeting()).isEqualTo(Targeting.EVERYONE);
        assertThat(draft.control().name()).isEqualTo("control");
        assertThat(draft.createdAt()).isEqualTo(NOW);
    }

    private static NewExperiment experiment(String key, NewVariant... variants) {
        return new NewExperiment(key, "home", Arrays.asList(variants), null, null);
    }

    private static NewVariant variant(String name, int weight, String model) {
        return new NewVariant(name, weight, model);
    }

    private static List<String> paths(Set<ConstraintViolation<NewExperiment>> violations) {
        return violations.stream().map((violation) -> violation.getPropertyPath().toString()).toList();
    }

}
