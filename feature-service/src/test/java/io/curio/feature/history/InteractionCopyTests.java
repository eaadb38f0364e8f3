package io.curio.feature.history;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;

import io.curio.feature.interactions.Interaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionCopyTests {

    @Test
    void quotesTextAndLeavesAMissingValueEmpty() throws IOException {
        // given
        StringWriter csv = new StringWriter();
        Interaction interaction = new Interaction("id \"1\",\nx", "42", "258", "open", null,
                Instant.parse("2026-12-04T10:00:00Z"));

        // when
        InteractionCopy.writeCsv(csv, interaction);

        // then
        assertThat(csv).hasToString("\"id \"\"1\"\",\nx\",\"42\",\"258\",\"open\",,2026-12-04T10:00:00Z\n");
    }

    @Test
    void writesARating() throws IOException {
        // given
        StringWriter csv = new StringWriter();

        // when
        InteractionCopy.writeCsv(csv, new Interaction("e", "u", "b", "rate", 4, Instant.EPOCH));

        // then
        assertThat(csv).hasToString("\"e\",\"u\",\"b\",\"rate\",4,1970-01-01T00:00:00Z\n");
    }

}
