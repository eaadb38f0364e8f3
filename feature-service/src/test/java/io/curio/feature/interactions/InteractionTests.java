package io.curio.feature.interactions;

import java.time.Instant;

import io.curio.events.DecodedEvent;
import io.curio.feature.Events;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionTests {

    @Test
    void recordsARatingWithItsValue() {
        // when
        var interaction = Interaction.of(Events.rate("e-1", "42", "258", 5, "2026-12-04T10:00:00Z"));

        // then
        assertThat(interaction).contains(new Interaction("e-1", "42", "258", "rate", 5,
                Instant.parse("2026-12-04T10:00:00Z")));
    }

    @Test
    void ignoresAnEventThatIsNotAboutABook() {
        assertThat(Interaction.of(Events.upgrade("e-2", "42", "2026-12-04T10:00:00Z"))).isEmpty();
    }

    @Test
    void ignoresAnInvalidRecord() {
        assertThat(Interaction.of(new DecodedEvent.Invalid("missing field: userId"))).isEmpty();
    }

    @Test
    void refusesTextPostgresqlCannotStore() {
        // given
        var event = Events.open("e-3", "4\u00002", "258", "2026-12-04T10:00:00Z");

        // then
        assertThat(Interaction.isStorable(event)).isFalse();
        assertThat(Interaction.of(event)).isEmpty();
    }

}
