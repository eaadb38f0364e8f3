package io.curio.ingestion.attributes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.curio.ingestion.SettableClock;
import io.curio.ingestion.datahub.DataHubWriter;
import io.curio.ingestion.datahub.HubObjectKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

class AttributeSnapshotsTests {

    private static final CollectionVersion V1 = new CollectionVersion("\"v1\"", null);

    private final JsonMapper json = JsonMapper.builder().build();

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-04T10:00:00Z"));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final AttributePager pager = mock(AttributePager.class);

    private final DataHubWriter writer = mock(DataHubWriter.class);

    private AttributeSettings settings;

    private PollStates states;

    private AttributesHealthIndicator health;

    @Test
    void writesTheRecordsThatPassAndCountsTheOthers() {
        // given
        AttributeSnapshots snapshots = snapshots(Map.of(), "max-rejected-share=0.5");
        givenBooks(FetchResult.fetched(items("{\"bookId\":\"1\",\"title\":\"Dune\"}", "{\"bookId\":\"2\"}"), V1));

        // when
        EntityPoll poll = snapshots.pollAll().books();

        // then
        assertThat(poll.outcome()).isEqualTo("success");
        assertThat(poll.items()).isEqualTo(1);
        assertThat(poll.rejected()).isEqualTo(1);
        assertThat(writtenBooks().get("items")).hasSize(1);
        assertThat(writtenBooks().get("withheld")).extracting(JsonNode::asString).containsExactly("2");
        assertThat(this.meters.counter("curio.ingestion.attributes.records.rejected", "entity", "books", "reason",
                "missing-title").count()).isEqualTo(1);
        assertThat(this.states.get(AttributeEntity.BOOKS).version()).isEqualTo(V1);
    }

    @Test
    void keepsTheSnapshotInForceWhenTheEndpointSaysUnchanged() {
        // given
        AttributeSnapshots snapshots = snapshots(Map.of());
        givenBooks(FetchResult.fetched(items("{\"bookId\":\"1\",\"title\":\"Dune\"}"), V1));
        String key = snapshots.pollAll().books().key();
        this.clock.advance(Duration.ofMinutes(10));
        given(this.pager.fetch(Settings.of().booksUrl(), V1)).willReturn(FetchResult.unchanged(V1));

        // when
        EntityPoll poll = snapshots.pollAll().books();

        // then
        assertThat(poll.outcome()).isEqualTo("unchanged");
        assertThat(poll.key()).isEqualTo(key);
        assertThat(poll.items()).isEqualTo(1);
        then(this.writer).should(times(1)).write(startsWith("raw/books/dt="), any(), eq(HubObjectKind.BOOKS));
        JsonNode confirmation = lastConfirmation(2);
        assertThat(confirmation.get("snapshot").asString()).isEqualTo(key);
        assertThat(confirmation.get("confirmedAt").asString()).isEqualTo("2026-12-04T10:10:00Z");
        assertThat(age("books")).isZero();
        assertThat(polls("books", "unchanged")).isEqualTo(1);
    }

    @Test
    void refusesAPollWithTooManyMalformedRecords() {
        // given
        AttributeSnapshots snapshots = snapshots(Map.of());
        givenBooks(FetchResult.fetched(items("{\"bookId\":\"1\",\"title\":\"Dune\"}",
                "{\"bookId\":\"2\",\"title\":\"Emma\"}", "{\"title\":\"No id\"}"), V1));

        // when
        EntityPoll poll = snapshots.pollAll().books();

        // then
        assertThat(poll.outcome()).isEqualTo("refused");
        assertThat(poll.error()).contains("1 of 3 records are malformed {missing-id=1}");
        then(this.writer).should(never()).write(anyString(), any(), eq(HubObjectKind.BOOKS));
        assertThat(this.states.get(AttributeEntity.BOOKS).failures()).isEqualTo(1);
    }

    @Test
    void refusesAnEmptyAnswerWhileTheSnapshotInForceHasItems() {
        // given
        AttributeSnapshots snapshots = snapshots(Map.of(AttributeEntity.BOOKS, inForce(3)));
        givenBooks(FetchResult.fetched(List.of(), V1));

        // when
        EntityPoll poll = snapshots.pollAll().books();

        // then
        assertThat(poll.outcome()).isEqualTo("refused");
        assertThat(poll.error()).contains("lists no item while the snapshot in force raw/books/dt=2026-12-03/1.json "
                + "has 3");
        then(this.writer).should(never()).write(anyString(), any(), eq(HubObjectKind.BOOKS));
    }

    @Test
    void writesAnEmptyAnswerWhenRefusingItIsSwitchedOff() {
        // given
        AttributeSnapshots snapshots = snapshots(Map.of(AttributeEntity.BOOKS, inForce(3)), "refuse-empty=false");
        givenBooks(FetchResult.fetched(List.of(), V1));

        // when
        EntityPoll poll = snapshots.pollAll().books();

        // then
        assertThat(poll.outcome()).isEqualTo("success");
        assertThat(writtenBooks().get("items")).isEmpty();
    }

    @Test
    void opensTheCircuitAfterFailedPollsAndSkipsTheEndpointUntilATrial() {
        // given
        AttributeSnapshots snapshots = snapshots(Map.of(), "circuit.failed-polls=2", "circuit.open-for=10m");
        given(this.pager.fetch(eq(Settings.of().booksUrl()), any()))
            .willThrow(new AttributeFetchFailedException(Settings.of().booksUrl(), "answered 503", null));
        snapshots.pollAll();
        snapshots.pollAll();

        // when
        EntityPoll skipped = snapshots.pollAll().books();

        // then
        assertThat(skipped.outcome()).isEqualTo("circuit-open");
        assertThat(skipped.error()).contains("after 2 failed polls");
        then(this.pager).should(times(2)).fetch(eq(Settings.of().booksUrl()), any());
        assertThat(circuit("books")).isEqualTo(2);
        assertThat(polls("books", "circuit-open")).isEqualTo(1);
        assertThat(circuit("users")).isZero();
    }

    @Test
    void closesTheCircuitWhenTheTrialPollSucceeds() {
        // given
        AttributeSnapshots snapshots = snapshots(Map.of(), "circuit.failed-polls=1", "circuit.open-for=10m");
        given(this.pager.fetch(eq(Settings.of().booksUrl()), any()))
            .willThrow(new AttributeFetchFailedException(Settings.of().booksUrl(), "answered 503", null))
            .willReturn(FetchResult.fetched(items("{\"bookId\":\"1\",\"title\":\"Dune\"}"), V1));
        snapshots.pollAll();
        assertThat(snapshots.pollAll().books().outcome()).isEqualTo("circuit-open");
        this.clock.advance(Duration.ofMinutes(11));

        // when
        EntityPoll trial = snapshots.pollAll().books();

        // then
        assertThat(trial.outcome()).isEqualTo("success");
        assertThat(circuit("books")).isZero();
        assertThat(this.states.get(AttributeEntity.BOOKS).failures()).isZero();
    }

    @Test
    void reportsAStaleSnapshotAsUpWithTheFailures() {
        // given
        AttributeSnapshots snapshots = snapshots(Map.of(), "stale-after=30m");
        givenBooks(FetchResult.fetched(items("{\"bookId\":\"1\",\"title\":\"Dune\"}"), V1));
        snapshots.pollAll();
        this.clock.advance(Duration.ofMinutes(31));
        given(this.pager.fetch(eq(Settings.of().booksUrl()), any()))
            .willThrow(new AttributeFetchFailedException(Settings.of().booksUrl(), "answered 503", null));

        // when
        snapshots.pollAll();
        Health health = this.health.health();

        // then
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("books")).asInstanceOf(InstanceOfAssertFactories.MAP)
            .containsEntry("stale", true)
            .containsEntry("ageSeconds", 31L * 60)
            .containsEntry("consecutiveFailures", 1)
            .containsEntry("circuit", "closed")
            .containsEntry("lastSuccess", "2026-12-04T10:00:00Z")
            .hasEntrySatisfying("lastError", (error) -> assertThat(error.toString()).contains("answered 503"));
        assertThat(age("books")).isEqualTo(31 * 60);
    }

    @Test
    void reportsUnknownUntilEveryEntityHasASnapshot() {
        // given
        snapshots(Map.of(AttributeEntity.BOOKS, inForce(3)));

        // when
        Health health = this.health.health();

        // then
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails().get("users")).asInstanceOf(InstanceOfAssertFactories.MAP)
            .containsEntry("stale", true)
            .doesNotContainKey("ageSeconds");
        assertThat(age("users")).isNaN();
    }

    private AttributeSnapshots snapshots(Map<AttributeEntity, PollState> restored, String... overrides) {
        this.settings = Settings.of(overrides);
        this.states = new PollStates(restored, this.clock, this.meters);
        AttributeCircuits circuits = new AttributeCircuits(this.settings, this.clock, this.meters);
        this.health = new AttributesHealthIndicator(this.states, circuits, this.settings);
        given(this.pager.fetch(eq(this.settings.usersUrl()), any()))
            .willReturn(FetchResult.fetched(items("{\"userId\":\"1\"}"), CollectionVersion.UNKNOWN));
        PollLog log = new PollLog(mock(JdbcClient.class, RETURNS_DEEP_STUBS), this.meters);
        return new AttributeSnapshots(this.pager, this.settings, this.writer, this.states, circuits, log);
    }

    private PollState inForce(int items) {
        return PollState.restored(this.clock.instant().minus(Duration.ofDays(1)), items,
                "raw/books/dt=2026-12-03/1.json");
    }

    private void givenBooks(FetchResult result) {
        given(this.pager.fetch(eq(this.settings.booksUrl()), any())).willReturn(result);
    }

    private List<JsonNode> items(String... items) {
        return List.of(items).stream().map(this.json::readTree).toList();
    }

    private JsonNode writtenBooks() {
        ArgumentCaptor<byte[]> body = ArgumentCaptor.forClass(byte[].class);
        then(this.writer).should().write(startsWith("raw/books/dt="), body.capture(), eq(HubObjectKind.BOOKS));
        return this.json.readTree(body.getValue());
    }

    private JsonNode lastConfirmation(int written) {
        ArgumentCaptor<byte[]> body = ArgumentCaptor.forClass(byte[].class);
        then(this.writer).should(times(written)).write(eq("raw/books/confirmed.json"), body.capture(),
                eq(HubObjectKind.BOOKS));
        return this.json.readTree(body.getValue());
    }

    private double age(String entity) {
        return this.meters.get("curio.ingestion.attributes.snapshot.age").tag("entity", entity).gauge().value();
    }

    private double circuit(String entity) {
        return this.meters.get("curio.ingestion.attributes.circuit.state").tag("entity", entity).gauge().value();
    }

    private double polls(String entity, String outcome) {
        return this.meters.counter("curio.ingestion.attributes.polls", "entity", entity, "outcome", outcome).count();
    }

}
