package io.curio.assignment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The variant a user sees in an experiment, as a pure function of (experiment key, user id, traffic, allocation).
 * No state and no lookup: every instance of every service gives every user the same answer.
 *
 * <p>
 * Let {@code s = UTF-8(key + ":" + userId)} and {@code h(seed)} be {@link Murmur3#hash32 MurmurHash3 x86_32}
 * of {@code s}, read as an unsigned 32-bit number.
 * <ol>
 * <li>Traffic bucket {@code t = h(0) mod 10000}. The user is in the experiment when
 * {@code t < trafficPercent × 100}, so raising the traffic only adds users.</li>
 * <li>Variant bucket {@code v = h(0x9747b28c) mod 10000}, independent of {@code t}. Each variant owns a set of
 * bucket ranges (its allocation, {@link Allocation}); the user gets the variant that owns {@code v}. A user's
 * variant does not depend on the traffic.</li>
 * </ol>
 * A canary of a model version uses the same hash with its own seed: {@code c = h'(0x3c6ef372) mod 10000} of
 * {@code UTF-8(canaryId + ":" + userId)}, and the user gets the candidate when {@code c < percent × 100}.
 */
public final class VariantAssignment {

    /** Buckets of each hash: one bucket is 0.01 % of the users. */
    public static final int BUCKETS = 10_000;

    static final int TRAFFIC_SEED = 0;

    static final int VARIANT_SEED = 0x9747b28c;

    static final int CANARY_SEED = 0x3c6ef372;

    private VariantAssignment() {
    }

    /** The user's arm, or empty when the user falls outside the experiment's traffic. */
    public static Optional<Arm> assign(String experimentKey, String userId, int trafficPercent, List<Arm> arms) {
        byte[] subject = subject(experimentKey, userId);
        if (bucket(subject, TRAFFIC_SEED) >= trafficPercent * 100) {
            return Optional.empty();
        }
        int variantBucket = bucket(subject, VARIANT_SEED);
        return arms.stream().filter((arm) -> arm.owns(variantBucket)).findFirst();
    }

    /** The traffic bucket 0..9999 of a user in an experiment. */
    public static int trafficBucket(String experimentKey, String userId) {
        return bucket(subject(experimentKey, userId), TRAFFIC_SEED);
    }

    /** The variant bucket 0..9999 of a user in an experiment. */
    public static int variantBucket(String experimentKey, String userId) {
        return bucket(subject(experimentKey, userId), VARIANT_SEED);
    }

    /** The canary bucket 0..9999 of a user in a canary rollout. */
    public static int canaryBucket(String canaryId, String userId) {
        return bucket(subject(canaryId, userId), CANARY_SEED);
    }

    private static byte[] subject(String key, String userId) {
        return (key + ":" + userId).getBytes(StandardCharsets.UTF_8);
    }

    private static int bucket(byte[] subject, int seed) {
        return (int) (Integer.toUnsignedLong(Murmur3.hash32(subject, seed)) % BUCKETS);
    }

}
