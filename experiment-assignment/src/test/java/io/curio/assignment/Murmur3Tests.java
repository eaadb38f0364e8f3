package io.curio.assignment;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class Murmur3Tests {

    @ParameterizedTest
    @CsvSource({
            "'', 0x00000000, 0x00000000",
            "'', 0x00000001, 0x514e28b7",
            "'', 0xffffffff, 0x81f16f39",
            "a, 0x9747b28c, 0x7fa09ea6",
            "abc, 0x9747b28c, 0xc84a62dd",
            "aaaa, 0x9747b28c, 0x5a97808a",
            "hello, 0x00000000, 0x248bfa47",
            "'Hello, world!', 0x9747b28c, 0x24884cba",
            "The quick brown fox jumps over the lazy dog, 0x9747b28c, 0x2fa826cd" })
    void matchesReferenceVectors(String input, String seed, String expected) {
        // given
        byte[] data = input.getBytes(StandardCharsets.UTF_8);

        // when
        int hash = Murmur3.hash32(data, Integer.parseUnsignedInt(seed.substring(2), 16));

        // then
        assertThat(hash).isEqualTo(Integer.parseUnsignedInt(expected.substring(2), 16));
    }

    @ParameterizedTest
    @CsvSource({ "0x00000000, 0x2362f9de" })
    void hashesZeroBytesLikeTheReference(String seed, String expected) {
        // given
        byte[] fourZeroBytes = new byte[4];

        // when
        int hash = Murmur3.hash32(fourZeroBytes, Integer.parseUnsignedInt(seed.substring(2), 16));

        // then
        assertThat(hash).isEqualTo(Integer.parseUnsignedInt(expected.substring(2), 16));
    }

}
