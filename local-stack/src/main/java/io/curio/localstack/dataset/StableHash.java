package io.curio.localstack.dataset;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash of text that is the same on every JVM and every run (FNV-1a over UTF-8, then a
 * finalizing mix so that neighbouring ids such as {@code "41"} and {@code "42"} land far apart).
 */
final class StableHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    private static final long FNV_PRIME = 0x100000001b3L;

    private StableHash() {
    }

    static long of(String... parts) {
        long hash = FNV_OFFSET;
        for (String part : parts) {
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * FNV_PRIME;
            }
            hash = (hash ^ 0x1f) * FNV_PRIME;
        }
        return mix(hash);
    }

    /** A number in {@code [0, bound)} from the hash of the parts. */
    static long below(long bound, String... parts) {
        return Long.remainderUnsigned(of(parts), bound);
    }

    private static long mix(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

}
