package io.curio.assignment;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ImpressionSignatureTests {

    private static final ImpressionSignature SIGNER = new ImpressionSignature("impression-key-0123456789abcdef-0123");

    private static final ImpressionSignature.Facts FACTS = new ImpressionSignature.Facts("req-1", "42", "home",
            "home-ranking", "treatment", "blend", "2026-12-04T10-00-00Z", false, null, null, List.of("258", "1"));

    @Test
    void verifiesWhatItSigned() {
        // when
        String signature = SIGNER.sign(FACTS);

        // then
        assertThat(SIGNER.verifies(FACTS, signature)).isTrue();
        assertThat(signature).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void refusesAnyChangedFact() {
        // given
        String signature = SIGNER.sign(FACTS);

        // then
        assertThat(SIGNER.verifies(new ImpressionSignature.Facts("req-1", "42", "home", "home-ranking", "control",
                "blend", "2026-12-04T10-00-00Z", false, null, null, List.of("258", "1")), signature)).isFalse();
        assertThat(SIGNER.verifies(new ImpressionSignature.Facts("req-1", "43", "home", "home-ranking", "treatment",
                "blend", "2026-12-04T10-00-00Z", false, null, null, List.of("258", "1")), signature)).isFalse();
        assertThat(SIGNER.verifies(new ImpressionSignature.Facts("req-1", "42", "home", "home-ranking", "treatment",
                "blend", "2026-12-04T10-00-00Z", false, null, null, List.of("1", "258")), signature)).isFalse();
        assertThat(SIGNER.verifies(new ImpressionSignature.Facts("req-1", "42", "home", "home-ranking", "treatment",
                "blend", "2026-12-04T10-00-00Z", true, null, null, List.of("258", "1")), signature)).isFalse();
    }

    @Test
    void tellsAnAbsentFactFromAnEmptyOneAndFieldsFromTheirNeighbours() {
        // given
        ImpressionSignature.Facts absent = new ImpressionSignature.Facts("r", "u", "home", null, "", "a", "v",
                false, null, null, List.of());
        ImpressionSignature.Facts empty = new ImpressionSignature.Facts("r", "u", "home", "", null, "a", "v",
                false, null, null, List.of());

        // then
        assertThat(SIGNER.sign(absent)).isNotEqualTo(SIGNER.sign(empty));
    }

    @Test
    void refusesSignaturesOfAnotherKeyAndGarbage() {
        // given
        ImpressionSignature other = new ImpressionSignature("another-key-0123456789abcdef-0123456");

        // then
        assertThat(SIGNER.verifies(FACTS, other.sign(FACTS))).isFalse();
        assertThat(SIGNER.verifies(FACTS, "not base64 !")).isFalse();
        assertThat(SIGNER.verifies(FACTS, null)).isFalse();
    }

    @Test
    void refusesAShortKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ImpressionSignature("short"))
            .withMessageContaining("at least 32 bytes");
    }

}
