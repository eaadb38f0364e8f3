package io.curio.localstack.dataset;

import java.time.Instant;
import java.util.List;

import io.curio.events.EngagementEvent;
import io.curio.events.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportedEventsTests {

    private static final Instant IMPORTED_AT = Instant.parse("2026-12-04T10:15:30.123456Z");

    private final ImportedEvents events = new ImportedEvents("goodbooks-10k", IMPORTED_AT);

    @Test
    void turnsRatingsIntoRateEventsWithTheirValue() {
        EngagementEvent event = this.events.event(Interaction.rating("42", "258", 4), 0);

        assertThat(event.type()).isEqualTo(EventType.RATE);
        assertThat(event.userId()).isEqualTo("42");
        assertThat(event.bookId()).isEqualTo("258");
        assertThat(event.value()).isEqualTo(4);
        assertThat(event.platform()).isNull();
        assertThat(event.requestId()).isNull();
    }

    @Test
    void turnsToReadMarksIntoAddToLibraryEvents() {
        EngagementEvent event = this.events.event(Interaction.toRead("42", "258"), 0);

        assertThat(event.type()).isEqualTo(EventType.ADD_TO_LIBRARY);
        assertThat(event.value()).isNull();
    }

    @Test
    void derivesTheSameEventIdOnEveryImport() {
        ImportedEvents later = new ImportedEvents("goodbooks-10k", IMPORTED_AT.plusSeconds(86_400));
        Interaction rating = Interaction.rating("42", "258", 4);

        assertThat(later.eventId(rating, 0)).isEqualTo(this.events.eventId(rating, 0));
    }

    @Test
    void derivesDistinctIdsForRepeatsOtherSourcesAndOtherTypes() {
        Interaction rating = Interaction.rating("42", "258", 4);
        ImportedEvents otherSource = new ImportedEvents("sample-1", IMPORTED_AT);

        List<String> ids = List.of(this.events.eventId(rating, 0), this.events.eventId(rating, 1),
                otherSource.eventId(rating, 0), this.events.eventId(Interaction.toRead("42", "258"), 0));

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void spreadsTimesOverTheYearBeforeTheImport() {
        List<Instant> times = List.of(Interaction.rating("1", "1", 5), Interaction.rating("1", "2", 5),
                Interaction.rating("2", "1", 5), Interaction.toRead("3", "9"))
            .stream()
            .map(this.events::occurredAt)
            .toList();

        assertThat(times).allSatisfy((time) -> assertThat(time).isBefore(IMPORTED_AT)
            .isAfterOrEqualTo(IMPORTED_AT.minus(ImportedEvents.SPREAD)));
        assertThat(times).doesNotHaveDuplicates();
    }

    @Test
    void givesTheSamePairTheSameTime() {
        assertThat(this.events.occurredAt(Interaction.rating("1", "2", 5)))
            .isEqualTo(this.events.occurredAt(Interaction.rating("1", "2", 3)));
    }

}
