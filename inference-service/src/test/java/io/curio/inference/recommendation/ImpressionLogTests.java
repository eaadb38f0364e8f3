package io.curio.inference.recommendation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.curio.assignment.ImpressionSignature;
import io.curio.events.DecodedEvent;
import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.EventType;
import io.curio.inference.placement.CanaryRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ImpressionLogTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    private static final ImpressionSignature SIGNER = new ImpressionSignature("impression-log-key-0123456789abcdef");

    private static final CanaryRef CANARY = new CanaryRef("c1", "candidate");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final ImpressionLog log = new ImpressionLog((event) -> {
    }, SIGNER, CLOCK, this.meters, 10);

    private static RecommendationList list() {
        return new RecommendationList("r1", "42", "home", new RecommendationList.ExperimentRef("exp", "treatment"),
                new RecommendationList.ModelRef("item-neighbours", "2026-12-04T10-00-00Z"), false,
                List.of(new RecommendationList.Item("258", "T", List.of("A"), 0.9f),
                        new RecommendationList.Item("7", null, List.of(), 0.1f)));
    }

    private static RecommendationList degradedOutsideExperiments() {
        return new RecommendationList("r2", "43", "search", null,
                new RecommendationList.ModelRef("popularity", "2026-12-01T00-00-00Z"), true,
                List.of(new RecommendationList.Item("1", null, List.of(), 0.5f)));
    }

    @Test
    void describesTheServedListInAnImpressionEvent() {
        // when
        EngagementEvent impression = this.log.impressionOf(list(), "ios", null);

        // then
        assertThat(impression.type()).isEqualTo(EventType.IMPRESSION);
        assertThat(impression.userId()).isEqualTo("42");
        assertThat(impression.bookId()).isNull();
        assertThat(impression.requestId()).isEqualTo("r1");
        assertThat(impression.occurredAt()).isEqualTo(CLOCK.instant());
        assertThat(impression.platform()).isEqualTo("ios");
        assertThat(impression.properties()).containsExactly(entry("surface", "home"), entry("experiment", "exp"),
                entry("variant", "treatment"), entry("algorithm", "item-neighbours"),
                entry("modelVersion", "2026-12-04T10-00-00Z"), entry("bookIds", List.of("258", "7")),
                entry("degraded", false), entry("canary", null), entry("signature", SIGNER.sign(
                        new ImpressionSignature.Facts("r1", "42", "home", "exp", "treatment", "item-neighbours",
                                "2026-12-04T10-00-00Z", false, null, null, List.of("258", "7")))));
    }

    @Test
    void namesTheCanaryAndArmThatChoseTheModelVersion() {
        // when
        EngagementEvent impression = this.log.impressionOf(list(), null, CANARY);

        // then
        assertThat(impression.platform()).isNull();
        assertThat(impression.properties()).containsEntry("canary", Map.of("id", "c1", "arm", "candidate"));
    }

    @Test
    void signsTheFactsTheEventCarries() {
        // when
        List<EngagementEvent> impressions = List.of(this.log.impressionOf(list(), "ios", null),
                this.log.impressionOf(list(), null, CANARY), this.log.impressionOf(degradedOutsideExperiments(),
                        "web", null));

        // then
        assertThat(impressions).allSatisfy((impression) -> assertThat(
                SIGNER.verifies(SignedFacts.of(impression), SignedFacts.signature(impression))).isTrue());
        assertThat(impressions).extracting(SignedFacts::signature).doesNotHaveDuplicates();
    }

    @Test
    void keepsAVerifiableSignatureThroughTheStreamsJson() {
        // given
        EventCodec codec = new EventCodec(CLOCK);
        EngagementEvent impression = this.log.impressionOf(list(), "ios", CANARY);

        // when
        DecodedEvent decoded = codec.decode(codec.encode(impression));

        // then
        assertThat(decoded).isInstanceOfSatisfying(DecodedEvent.Valid.class, (valid) -> assertThat(SIGNER.verifies(
                SignedFacts.of(valid.event()), SignedFacts.signature(valid.event()))).isTrue());
    }

    @Test
    void signsWithItsOwnKeyOnly() {
        // given
        ImpressionSignature other = new ImpressionSignature("another-impression-key-0123456789abcdef");

        // when
        EngagementEvent impression = this.log.impressionOf(list(), "ios", CANARY);

        // then
        assertThat(other.verifies(SignedFacts.of(impression), SignedFacts.signature(impression))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesToOneField")
    void signatureNoLongerVerifiesWhenAnyFieldTheEventCarriesChanges(String field,
            UnaryOperator<EngagementEvent> change) {
        // given
        EngagementEvent impression = this.log.impressionOf(list(), "ios", CANARY);

        // when
        EngagementEvent changed = change.apply(impression);

        // then
        assertThat(SIGNER.verifies(SignedFacts.of(changed), SignedFacts.signature(changed))).isFalse();
    }

    static Stream<Arguments> changesToOneField() {
        return Stream.of(Arguments.of("requestId", identity("r9", "42")),
                Arguments.of("userId", identity("r1", "43")), Arguments.of("surface", property("surface", "search")),
                Arguments.of("experiment", property("experiment", "other")),
                Arguments.of("variant", property("variant", "control")),
                Arguments.of("algorithm", property("algorithm", "popularity")),
                Arguments.of("modelVersion", property("modelVersion", "2026-12-05T10-00-00Z")),
                Arguments.of("degraded", property("degraded", true)),
                Arguments.of("canary.id", property("canary", Map.of("id", "c2", "arm", "candidate"))),
                Arguments.of("canary.arm", property("canary", Map.of("id", "c1", "arm", "baseline"))),
                Arguments.of("bookIds", property("bookIds", List.of("7", "258"))));
    }

    @Test
    void countsAFailedImpressionWithoutThrowing() throws InterruptedException {
        // given
        CountDownLatch attempted = new CountDownLatch(1);
        ImpressionLog failing = new ImpressionLog((event) -> {
            attempted.countDown();
            throw new IllegalStateException("stream down");
        }, SIGNER, CLOCK, this.meters, 10);

        // when
        failing.served(list(), null, null);

        // then
        assertThat(attempted.await(5, TimeUnit.SECONDS)).isTrue();
        failing.destroy();
        assertThat(this.meters.counter("curio.inference.impressions.failed").count()).isEqualTo(1);
    }

    private static UnaryOperator<EngagementEvent> identity(String requestId, String userId) {
        return (event) -> new EngagementEvent(event.eventId(), event.type(), userId, event.bookId(),
                event.occurredAt(), requestId, event.value(), event.platform(), event.properties());
    }

    private static UnaryOperator<EngagementEvent> property(String name, Object value) {
        return (event) -> {
            Map<String, Object> properties = new LinkedHashMap<>(event.properties());
            properties.put(name, value);
            return new EngagementEvent(event.eventId(), event.type(), event.userId(), event.bookId(),
                    event.occurredAt(), event.requestId(), event.value(), event.platform(), properties);
        };
    }

}
