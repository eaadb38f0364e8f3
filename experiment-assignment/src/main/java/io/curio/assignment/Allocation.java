package io.curio.assignment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Which variant buckets each variant owns. A variant of weight {@code w} % owns {@code w × 100} of the
 * {@link VariantAssignment#BUCKETS} buckets.
 *
 * <p>
 * A new experiment's variants own consecutive ranges in declared order ({@link #consecutive}). New weights
 * ({@link #reweigh}) move the fewest users possible: each shrinking variant gives up buckets from its highest
 * ones, each growing variant takes just what it lacks from those, and every other user stays where they were.
 * The number of buckets that change hands is the sum of the increases, which no allocation can beat.
 */
public final class Allocation {

    private Allocation() {
    }

    /** Consecutive ranges in declared order for weights (in percent) that sum to 100. */
    public static List<List<BucketRange>> consecutive(List<Integer> weights) {
        requireWhole(weights);
        List<List<BucketRange>> allocation = new ArrayList<>();
        int from = 0;
        for (int weight : weights) {
            int to = from + weight * 100;
            allocation.add((to > from) ? List.of(new BucketRange(from, to)) : List.of());
            from = to;
        }
        return List.copyOf(allocation);
    }

    /** The allocation for new weights that moves the fewest buckets away from {@code current}. */
    public static List<List<BucketRange>> reweigh(List<List<BucketRange>> current, List<Integer> weights) {
        requireWhole(weights);
        if (current.size() != weights.size()) {
            throw new IllegalArgumentException("New weights must be given for the " + current.size()
                    + " variants allocated, not for " + weights.size());
        }
        List<List<BucketRange>> allocation = new ArrayList<>();
        Deque<BucketRange> released = new ArrayDeque<>();
        for (int i = 0; i < current.size(); i++) {
            allocation.add(keep(current.get(i), weights.get(i) * 100, released));
        }
        for (int i = 0; i < current.size(); i++) {
            allocation.set(i, grow(allocation.get(i), weights.get(i) * 100, released));
        }
        return List.copyOf(allocation);
    }

    private static List<BucketRange> keep(List<BucketRange> ranges, int target, Deque<BucketRange> released) {
        List<BucketRange> kept = new ArrayList<>(sorted(ranges));
        int excess = size(kept) - target;
        while (excess > 0) {
            BucketRange last = kept.remove(kept.size() - 1);
            int give = Math.min(excess, last.size());
            released.addLast(new BucketRange(last.to() - give, last.to()));
            if (give < last.size()) {
                kept.add(new BucketRange(last.from(), last.to() - give));
            }
            excess -= give;
        }
        return kept;
    }

    private static List<BucketRange> grow(List<BucketRange> ranges, int target, Deque<BucketRange> released) {
        List<BucketRange> grown = new ArrayList<>(ranges);
        int missing = target - size(grown);
        while (missing > 0) {
            BucketRange next = released.removeFirst();
            int take = Math.min(missing, next.size());
            grown.add(new BucketRange(next.from(), next.from() + take));
            if (take < next.size()) {
                released.addFirst(new BucketRange(next.from() + take, next.to()));
            }
            missing -= take;
        }
        return merged(grown);
    }

    private static List<BucketRange> merged(List<BucketRange> ranges) {
        List<BucketRange> merged = new ArrayList<>();
        for (BucketRange range : sorted(ranges)) {
            BucketRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.to() == range.from()) {
                merged.set(merged.size() - 1, new BucketRange(last.from(), range.to()));
            }
            else {
                merged.add(range);
            }
        }
        return List.copyOf(merged);
    }

    private static List<BucketRange> sorted(List<BucketRange> ranges) {
        return ranges.stream().sorted(Comparator.comparingInt(BucketRange::from)).toList();
    }

    /** The number of buckets in ranges. */
    public static int size(List<BucketRange> ranges) {
        return ranges.stream().mapToInt(BucketRange::size).sum();
    }

    private static void requireWhole(List<Integer> weights) {
        int sum = 0;
        for (int weight : weights) {
            if (weight < 0 || weight > 100) {
                throw new IllegalArgumentException("A weight must be 0..100 percent, not " + weight);
            }
            sum += weight;
        }
        if (sum != 100) {
            throw new IllegalArgumentException("Weights must sum to 100 percent, not " + sum + " " + weights);
        }
    }

}
