package io.curio.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8BytesTests {

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 7, 8, 9, 15, 16, 23 })
    void findsAMalformedByteAtAnyOffsetOfAsciiText(int offset) {
        // given
        byte[] bytes = new byte[24];
        Arrays.fill(bytes, (byte) 'a');
        bytes[offset] = (byte) 0xFF;

        // when
        int malformed = Utf8Bytes.firstMalformed(bytes);

        // then
        assertThat(malformed).isEqualTo(offset);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "plain ascii of more than eight bytes", "é", "€uro", "📖 a book", "aaaaaaa€",
        "üüüüüüüüü" })
    void acceptsWellFormedText(String text) {
        assertThat(Utf8Bytes.firstMalformed(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(ints = { 6, 7, 8 })
    void findsASequenceCutOffAtTheEnd(int asciiBefore) {
        // given
        byte[] bytes = ("a".repeat(asciiBefore) + "€").getBytes(StandardCharsets.UTF_8);

        // when
        int malformed = Utf8Bytes.firstMalformed(Arrays.copyOf(bytes, bytes.length - 1));

        // then
        assertThat(malformed).isEqualTo(asciiBefore);
    }

}
