package io.curio.abtest.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.curio.abtest.experiment.NewExperiment.NewTargeting;
import io.curio.abtest.experiment.NewExperiment.NewVariant;
import io.curio.assignment.Allocation;
import io.curio.assignment.BucketRange;
import io.curio.assignment.Targeting;

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
        List<List<BucketRange>> allocation = Allocation
            .consecutive(request.variants().stream().map(NewVariant::weight).toList());
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < allocation.size(); i++) {
            NewVariant variant = request.variants().get(i);
            variants.add(new Variant(variant.name(), variant.weight(), variant.model(), allocation.get(i)));
        }
        return new Experiment(request.key(), request.surface(), ExperimentStatus.DRAFT, traffic,
                targeting(request.targeting()), List.copyOf(variants), createdAt, null, null);
    }

    /**
     * The experiment with the change applied. The variants keep their names, order and models: a change must
     * list exactly the stored variants in order, each with its new weight, and the weights must sum to 100. New
     * weights move the fewest variant buckets ({@link Allocation#reweigh}).
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
                experiment.stoppedAt(), experiment.winner());
    }

    private static List<Variant> reweighted(Experiment experiment, List<ExperimentChange.Weight> weights) {
        checkSameVariants(experiment.variants(), weights);
        checkTotal(weights.stream().mapToInt(ExperimentChange.Weight::weight).sum());
        List<Integer> newWeights = weights.stream().map(ExperimentChange.Weight::weight).toList();
        List<List<BucketRange>> allocation = Allocation.reweigh(
                experiment.variants().stream().map(Variant::buckets).toList(), newWeights);
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < allocation.size(); i++) {
            Variant stored = experiment.variants().get(i);
            variants.add(new Variant(stored.name(), newWeights.get(i), stored.model(), allocation.get(i)));
        }
        return List.copyOf(variants);
    }

    /** Refuses adding, removing, renaming, reordering or changing the model of a variant. */
    private static void checkSameVariants(List<Variant> stored, List<ExperimentChange.Weight> weights) {
        for (int i = 0; i < weights.size(); i++) {
            ExperimentChange.Weight weight = weights.get(i);
            if (i >= stored.size() || !stored.get(i).name().equals(weight.name())) {
                throw new InvalidExperimentException("variants[" + i + "].name", "'" + weight.name()
                        + "' is not variant " + i + " of the experiment; variants cannot be added, removed, "
                        + "renamed or reordered, list " + names(stored));
            }
            if (weight.model() != null && !weight.model().equals(stored.get(i).model())) {
                throw new InvalidExperimentException("variants[" + i + "].model",
                        "the model of a variant cannot change, it is '" + stored.get(i).model() + "'");
            }
        }
        if (weights.size() != stored.size()) {
            throw new InvalidExperimentException("variants", "give a weight for each of the " + stored.size()
                    + " variants " + names(stored) + ", in that order");
        }
    }

    private static List<String> names(List<Variant> variants) {
        return variants.stream().map(Variant::name).toList();
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
