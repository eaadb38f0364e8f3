package io.curio.abtest.experiment;

import java.util.List;

import io.curio.assignment.Arm;
import io.curio.assignment.BucketRange;

/**
 * One arm of an experiment.
 *
 * @param name unique within the experiment; the first variant is the control
 * @param weight share of the experiment's users, in percent; the weights of an experiment sum to 100
 * @param model the model serving it: {@code algorithm} (latest version) or {@code algorithm@version}
 * @param buckets the variant buckets it owns, {@code weight × 100} of them once allocated; empty before
 */
public record Variant(String name, int weight, String model, List<BucketRange> buckets) {

    public Variant {
        buckets = (buckets != null) ? List.copyOf(buckets) : List.of();
    }

    /** A variant whose buckets are not allocated yet. */
    public Variant(String name, int weight, String model) {
        this(name, weight, model, List.of());
    }

    /** The variant as assignment sees it. */
    public Arm arm() {
        return new Arm(this.name, this.model, this.buckets);
    }

}
