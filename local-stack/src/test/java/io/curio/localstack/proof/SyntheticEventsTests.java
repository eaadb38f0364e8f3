package io.curio.localstack.proof;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticEventsTests {

    private static final Instant NOW = Instant.parse("2026-12-04T19:00:00Z");

    private final SyntheticEvents events = new SyntheticEvents("fault-run1", 25, 2, List.of("1", "2", "3"));

    @Test
    void numbersEveryEventOnceUnderTheRunPrefix() {
        List<EngagementEvent> all = all();

        assertThat(all).extracting(EngagementEvent::eventId)
            .hasSize(25)
            .doesNotHaveDuplicates()
            .allSatisfy((id) -> assertThat(id).matches("fault-run1-\\d+"));
    }

    @Test
    void givesEachBatchOneReaderOfTheRun() {
        assertThat(this.events.batches()).isEqualTo(3);
        assertThat(this.events.batch(0, NOW)).extracting(EngagementEvent::userId).containsOnly("fault-run1-u0");
        assertThat(this.events.batch(1, NOW)).extracting(EngagementEvent::userId).containsOnly("fault-run1-u1");
        assertThat(this.events.batch(2, NOW)).hasSize(5).extracting(EngagementEvent::userId)
            .containsOnly("fault-run1-u0");
    }

    @Test
    void alternatesBatchesBetweenTheGatewayAndTheStream() {
        assertThat(SyntheticEvents.throughGateway(0)).isTrue();
        assertThat(SyntheticEvents.throughGateway(1)).isFalse();
        assertThat(SyntheticEvents.throughGateway(2)).isTrue();
    }

    @Test
    void sendsOnlyEventsTheContractAcceptsAboutCatalogueBooks() {
        EventCodec codec = new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC));

        List<EngagementEvent> all = all();

        assertThat(all).allSatisfy((event) -> assertThat(codec.decode(codec.encode(event)))
            .isInstanceOf(DecodedEvent.Valid.class));
        assertThat(all).extracting(EngagementEvent::bookId).allSatisfy((book) -> assertThat(book).isIn("1", "2", "3"));
    }

    private List<EngagementEvent> all() {
        List<EngagementEvent> all = new ArrayList<>();
        for (int batch = 0; batch < this.events.batches(); batch++) {
            all.addAll(this.events.batch(batch, NOW));
        }
        return all;
    }

}
