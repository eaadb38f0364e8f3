package io.curio.abtest.experiment;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.curio.abtest.experiment.NewExperiment.NewTargeting;
import io.curio.abtest.experiment.NewExperiment.NewVariant;

/**
 * The rules a new experiment must meet across its fields, once each field is valid on its own. Turns a
 * valid request into the experiment to store.
 */
final class ExperimentRules {

    private static final int TOTAL_WEIGHT = 100;

    private ExperimentRules() {
    }

    static Experiment toDraft(NewExperiment request, Instant createdAt) {
        checkWeights(request.variants());
        checkDistinctNames(request.variants());
        checkDistinct("targeting.plans", (request.targeting() != null) ? request.targeting().plans() : null);
        checkDistinct("targeting.platforms", (request.targeting() != null) ? request.targeting().platforms() : null);
        int traffic = (request.trafficPercent() != null) ? request.trafficPercent()
                : NewExperiment.DEFAULT_TRAFFIC_PERCENT;
        List<Variant> variants = request.variants()
            .stream()
            .map((variant) -> new Variant(variant.name(), variant.weight(), variant.model()))
            .toList();
        return new Experiment(request.key(), request.surface(), ExperimentStatus.DRAFT, traffic,
                targeting(request.targeting()), variants, createdAt, null, null);
    }

    /**
     * The experiment with the change applied. The variants keep their order and models; every variant must be
     * given a weight, and the weights must sum to 100.
     */
    static Experiment changed(Experiment experiment, ExperimentChange change) {
        if (change.trafficPercent() == null && change.variants() == null) {
            throw new InvalidExperimentException("trafficPercent", "give trafficPercent, variants or both");
        }
        int traffic = (change.trafficPercent() != null) ? change.trafficPercent() : experiment.trafficPercent();
        List<Variant> variants = (change.variants() != null) ? reweighted(experiment, change.variants())
                : experiment.variants();
        return new Experiment(experiment.key(), experiment.surface(), experiment.status(), traffic,
                experiment.targeting(), variants, experiment.createdAt(), experiment.startedAt(),
                experiment.stoppedAt());
    }

    private static List<Variant> reweighted(Experiment experiment, List<ExperimentChange.Weight> weights) {
        checkTotal(weights.stream().mapToInt(ExperimentChange.Weight::weight).sum());
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            ExperimentChange.Weight weight = weights.get(i);
            boolean known = experiment.variants().stream().anyMatch((v) -> v.name().equals(weight.name()));
            if (!known || byName.put(weight.name(), weight.weight()) != null) {
                throw new InvalidExperimentException("variants[" + i + "].name",
                        "'" + weight.name() + "' is not a variant of the experiment, or it is repeated");
            }
        }
        if (byName.size() != experiment.variants().size()) {
            throw new InvalidExperimentException("variants", "give a weight for every variant of the experiment");
        }
        return experiment.variants()
            .stream()
            .map((variant) -> new Variant(variant.name(), byName.get(variant.name()), variant.model()))
            .toList();
    }

    private static void checkWeights(List<NewVariant> variants) {
        checkTotal(variants.stream().mapToInt(NewVariant::weight).sum());
    }

    private static void checkTotal(int total) {
        if (total != TOTAL_WEIGHT) {
            throw new InvalidExperimentException("variants[].weight",
                    "weights must sum to " + TOTAL_WEIGHT + ", not " + total);
        }
    }

    private static void checkDistinctNames(List<NewVariant> variants) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            if (!seen.add(variants.get(i).name())) {
                throw new InvalidExperimentException("variants[" + i + "].name",
                        "duplicate variant name '" + variants.get(i).name() + "'");
            }
        }
    }

    private static void checkDistinct(String field, List<String> values) {
        if (values != null && new HashSet<>(values).size() != values.size()) {
            throw new InvalidExperimentException(field, "values must be distinct");
        }
    }

    private static Targeting targeting(NewTargeting targeting) {
        return (targeting != null) ? new Targeting(targeting.plans(), targeting.platforms()) : Targeting.EVERYONE;
    }

}
