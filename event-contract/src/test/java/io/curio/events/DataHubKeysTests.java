package io.curio.events;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataHubKeysTests {

    private static final Instant AT = Instant.parse("2026-12-04T07:15:30.250Z");

    @Test
    void partitionsRawEventsByDayAndHourOfReceipt() {
        assertThat(DataHubKeys.rawEvents(AT, "shardId-000000000001", "4960"))
            .isEqualTo("raw/events/dt=2026-12-04/hr=07/shardId-000000000001-4960.jsonl.gz");
    }

    @Test
    void keepsRejectedEventsApartFromRawOnes() {
        assertThat(DataHubKeys.rejectedEvents(AT, "shardId-000000000000", "12"))
            .isEqualTo("rejected/events/dt=2026-12-04/hr=07/shardId-000000000000-12.jsonl.gz");
    }

    @Test
    void numbersImportedPartsSoTheySortInOrder() {
        assertThat(DataHubKeys.importedEvents(AT, "goodbooks-10k", 7))
            .isEqualTo("raw/events/dt=2026-12-04/hr=07/import-goodbooks-10k-00007.jsonl.gz");
    }

    @Test
    void namesSnapshotsByPollTime() {
        assertThat(DataHubKeys.attributeSnapshot("books", AT))
            .isEqualTo("raw/books/dt=2026-12-04/" + AT.toEpochMilli() + ".json");
    }

    @Test
    void namesModelVersionsByCreationTime() {
        assertThat(DataHubKeys.modelPrefix("ease", DataHubKeys.modelVersion(AT)))
            .isEqualTo("models/ease/2026-12-04T07-15-30Z/");
    }

}
