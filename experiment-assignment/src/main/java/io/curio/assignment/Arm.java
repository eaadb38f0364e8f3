package io.curio.assignment;

import java.util.List;

/**
 * A variant as assignment sees it: its name, the model serving it and the variant buckets it owns.
 *
 * @param name the variant name
 * @param model {@code algorithm} (the served version) or {@code algorithm@version}
 * @param buckets the variant buckets that place a user in this variant; disjoint from the other arms'
 */
public record Arm(String name, String model, List<BucketRange> buckets) {

    public Arm {
        buckets = List.copyOf(buckets);
    }

    /** The number of variant buckets owned; 100 buckets are 1 % of the experiment's users. */
    public int size() {
        return this.buckets.stream().mapToInt(BucketRange::size).sum();
    }

    public boolean owns(int bucket) {
        return this.buckets.stream().anyMatch((range) -> range.contains(bucket));
    }

}
