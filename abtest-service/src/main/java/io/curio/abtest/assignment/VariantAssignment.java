package io.curio.abtest.assignment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.curio.abtest.experiment.Variant;

/**
 * The variant a user sees in an experiment, as a pure function of (experiment key, user id, weights,
 * traffic). No state and no lookup: every instance gives every user the same answer.
 *
 * <p>
 * Let {@code s = UTF-8(key + ":" + userId)} and {@code h(seed)} be {@link Murmur3#hash32 MurmurHash3 x86_32}
 * of {@code s}, read as an unsigned 32-bit number.
 * <ol>
 * <li>Traffic bucket {@code t = h(0) mod 10000}. The user is in the experiment when
 * {@code t < trafficPercent × 100}, so raising the traffic only adds users.</li>
 * <li>Variant bucket {@code v = h(0x9747b28c) mod 10000}, independent of {@code t}. Variants in declared
 * order own consecutive ranges of {@code weight × 100} buckets; the user gets the variant whose range holds
 * {@code v}. A user's variant does not depend on the traffic.</li>
 * </ol>
 */
public final class VariantAssignment {

    /** Buckets of each hash: one bucket is 0.01 % of the users. */
    public static final int BUCKETS = 10_000;

    static final int TRAFFIC_SEED = 0;

    static final int VARIANT_SEED = 0x9747b28c;

    private VariantAssignment() {
    }

    /** The user's variant, or empty when the user falls outside the experiment's traffic. */
    public static Optional<Variant> assign(String experimentKey, String userId, List<Variant> variants,
            int trafficPercent) {
        byte[] subject = subject(experimentKey, userId);
        if (bucket(subject, TRAFFIC_SEED) >= trafficPercent * 100) {
            return Optional.empty();
        }
        return Optional.of(variantAt(bucket(subject, VARIANT_SEED), variants));
    }

    /** The traffic bucket 0..9999 of a user in an experiment. */
    public static int trafficBucket(String experimentKey, String userId) {
        return bucket(subject(experimentKey, userId), TRAFFIC_SEED);
    }

    /** The variant bucket 0..9999 of a user in an experiment. */
    public static int variantBucket(String experimentKey, String userId) {
        return bucket(subject(experimentKey, userId), VARIANT_SEED);
    }

    private static Variant variantAt(int bucket, List<Variant> variants) {
        int upper = 0;
        for (Variant variant : variants) {
            upper += variant.weight() * 100;
            if (bucket < upper) {
                return variant;
            }
        }
        return variants.get(variants.size() - 1);
    }

    private static byte[] subject(String experimentKey, String userId) {
        return (experimentKey + ":" + userId).getBytes(StandardCharsets.UTF_8);
    }

    private static int bucket(byte[] subject, int seed) {
        return (int) (Integer.toUnsignedLong(Murmur3.hash32(subject, seed)) % BUCKETS);
    }

}
