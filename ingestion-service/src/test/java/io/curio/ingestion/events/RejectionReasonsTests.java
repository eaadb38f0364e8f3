package io.curio.ingestion.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionReasonsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            invalid JSON: Unexpected end-of-input | invalid-json
            missing field: userId                 | missing-field
            unknown field: colour                 | unknown-field
            unknown type: teleport                | unknown-type
            occurredAt is not an ISO-8601 instant | invalid-time
            value must be an integer 1..5         | invalid-value
            record larger than 1048576 bytes      | too-large
            userId must be a string               | invalid-field
            """)
    void sortsReasonsIntoAFewClasses(String reason, String expected) {
        assertThat(RejectionReasons.classify(reason)).isEqualTo(expected);
    }

}
