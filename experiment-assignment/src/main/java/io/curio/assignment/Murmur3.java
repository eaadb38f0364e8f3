package io.curio.assignment;

/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby's public-domain reference {@code MurmurHash3_x86_32}),
 * over bytes, little-endian blocks. Every instance and every language computes the same value for the same
 * bytes and seed.
 */
public final class Murmur3 {

    private static final int C1 = 0xcc9e2d51;

    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    public static int hash32(byte[] data, int seed) {
        int h = seed;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            h = mixHash(h, mixBlock(littleEndianInt(data, i * 4)));
        }
        h ^= mixBlock(tail(data, blocks * 4));
        h ^= data.length;
        return finalMix(h);
    }

    private static int littleEndianInt(byte[] data, int offset) {
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8 | (data[offset + 2] & 0xff) << 16
                | (data[offset + 3] & 0xff) << 24;
    }

    /** The last 1..3 bytes, little-endian; 0 when there are none (mixing 0 leaves 0). */
    private static int tail(byte[] data, int offset) {
        int k = 0;
        for (int i = data.length - 1; i >= offset; i--) {
            k = (k << 8) | (data[i] & 0xff);
        }
        return k;
    }

    private static int mixBlock(int k) {
        return Integer.rotateLeft(k * C1, 15) * C2;
    }

    private static int mixHash(int h, int k) {
        return Integer.rotateLeft(h ^ k, 13) * 5 + 0xe6546b64;
    }

    private static int finalMix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

}
