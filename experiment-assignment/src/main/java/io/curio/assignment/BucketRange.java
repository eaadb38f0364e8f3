package io.curio.assignment;

/**
 * Consecutive buckets {@code from} (inclusive) to {@code to} (exclusive) out of {@link VariantAssignment#BUCKETS}.
 *
 * @param from the first bucket
 * @param to one past the last bucket
 */
public record BucketRange(int from, int to) {

    public BucketRange {
        if (from < 0 || to > VariantAssignment.BUCKETS || from >= to) {
            throw new IllegalArgumentException("A bucket range must lie within 0.." + VariantAssignment.BUCKETS
                    + " and hold at least one bucket, not [" + from + ", " + to + ")");
        }
    }

    public int size() {
        return this.to - this.from;
    }

    public boolean contains(int bucket) {
        return bucket >= this.from && bucket < this.to;
    }

}
