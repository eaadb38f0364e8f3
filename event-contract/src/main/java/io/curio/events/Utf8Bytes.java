package io.curio.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks that bytes are well-formed UTF-8 as Unicode defines it: no stray continuation bytes, no
 * truncated sequences, no overlong forms, no encoded surrogates and nothing above U+10FFFF. The JSON
 * parser alone lets some of these through as wrong characters. ASCII, most of any event, is checked eight
 * bytes at a time.
 */
final class Utf8Bytes {

    private Utf8Bytes() {
    }

    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private static final long HIGH_BITS = 0x8080808080808080L;

    /** The offset of the first byte that does not start a well-formed sequence, or -1 when there is none. */
    static int firstMalformed(byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length) {
            if (offset + 8 <= bytes.length && ((long) EIGHT_BYTES.get(bytes, offset) & HIGH_BITS) == 0) {
                offset += 8;
                continue;
            }
            int length = (bytes[offset] >= 0) ? 1 : sequenceLength(bytes, offset);
            if (length == 0) {
                return offset;
            }
            offset += length;
        }
        return -1;
    }

    /** Up to four bytes from {@code offset} in hexadecimal, to name a malformed sequence. */
    static String hex(byte[] bytes, int offset) {
        StringBuilder hex = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + 4); i++) {
            hex.append((i > offset) ? " " : "").append(String.format("0x%02x", bytes[i] & 0xFF));
        }
        return hex.toString();
    }

    private static int sequenceLength(byte[] bytes, int offset) {
        int lead = bytes[offset] & 0xFF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            return continues(bytes, offset + 1, 0x80, 0xBF) ? 2 : 0;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            int low = (lead == 0xE0) ? 0xA0 : 0x80;
            int high = (lead == 0xED) ? 0x9F : 0xBF;
            return (continues(bytes, offset + 1, low, high) && continues(bytes, offset + 2, 0x80, 0xBF)) ? 3 : 0;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            int low = (lead == 0xF0) ? 0x90 : 0x80;
            int high = (lead == 0xF4) ? 0x8F : 0xBF;
            return (continues(bytes, offset + 1, low, high) && continues(bytes, offset + 2, 0x80, 0xBF)
                    && continues(bytes, offset + 3, 0x80, 0xBF)) ? 4 : 0;
        }
        return 0;
    }

    private static boolean continues(byte[] bytes, int offset, int low, int high) {
        if (offset >= bytes.length) {
            return false;
        }
        int value = bytes[offset] & 0xFF;
        return value >= low && value <= high;
    }

}
