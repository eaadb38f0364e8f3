package io.curio.ingestion.events;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import io.curio.events.DecodedEvent;
import io.curio.events.EventCodec;
import io.curio.ingestion.HostileInputs;
import io.curio.ingestion.HostileInputs.HostileInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionReasonsTests {

    private static final EventCodec CODEC = new EventCodec(Clock.systemUTC());

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRule")
    void countsEveryRuleUnderATagOfItsOwn(HostileInput input) {
        // given
        DecodedEvent decoded = CODEC.decode(input.bytes());

        // when
        String tag = RejectionReasons.classify(((DecodedEvent.Invalid) decoded).reason());

        // then
        assertThat(tag).isEqualTo(input.tag()).isNotEqualTo(RejectionReasons.UNCLASSIFIED);
    }

    static Stream<HostileInput> everyRule() {
        return HostileInputs.streamRecords().stream();
    }

    @Test
    void countsRecordsAndEventsTooLargeAsTooLarge() {
        byte[] record = new byte[EventCodec.MAX_RECORD_BYTES + 1];

        String reason = ((DecodedEvent.Invalid) CODEC.decode(record)).reason();

        assertThat(List.of(reason, "event larger than 1048576 bytes on the stream"))
            .extracting(RejectionReasons::classify)
            .containsOnly("too-large");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            body is empty: expected an event object or an array of events | empty
            body must be an event object or an array of events            | not-an-object
            an event array holds 1..500 events, not more                  | batch-size
            request body is larger than 1048576 bytes                     | too-large
            """)
    void countsRefusedBodiesUnderTheTagsOfTheirRules(String reason, String tag) {
        assertThat(RejectionReasons.classify(reason)).isEqualTo(tag);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            unknown type: x must be a string                    | unknown-type
            unknown field: invalid JSON                         | unknown-field
            occurredAt is not an ISO-8601 instant: x characters | invalid-time
            """)
    void letsNoQuotedInputPickTheTag(String reason, String tag) {
        assertThat(RejectionReasons.classify(reason)).isEqualTo(tag);
    }

    @Test
    void leavesUnknownTextUnclassified() {
        assertThat(RejectionReasons.classify("the moon is made of cheese")).isEqualTo(RejectionReasons.UNCLASSIFIED);
    }

}
