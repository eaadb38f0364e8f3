package io.curio.events.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.curio.events.EngagementEvent;
import io.curio.events.EventCodec;
import io.curio.events.EventType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EngagementStreamPublisherTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final EventCodec codec = new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC));

    private final PublishRetry fastRetry = new PublishRetry(3, Duration.ZERO, Duration.ZERO);

    @Test
    void putsEveryEventWithItsUserAsPartitionKey() {
        // given
        RecordingKinesis kinesis = new RecordingKinesis(RecordingKinesis::acceptAll);
        EngagementStreamPublisher publisher = new EngagementStreamPublisher(kinesis, "events", this.codec,
                this.fastRetry);

        // when
        publisher.publish(List.of(event("e1", "u1"), event("e2", "u2")));

        // then
        PutRecordsRequest request = kinesis.requests.get(0);
        assertThat(request.streamName()).isEqualTo("events");
        assertThat(request.records()).extracting((entry) -> entry.partitionKey()).containsExactly("u1", "u2");
        assertThat(this.codec.decode(request.records().get(0).data().asByteArray()))
            .isEqualTo(this.codec.decode(this.codec.encode(event("e1", "u1"))));
    }

    @Test
    void splitsBatchesAtFiveHundredRecords() {
        // given
        RecordingKinesis kinesis = new RecordingKinesis(RecordingKinesis::acceptAll);
        EngagementStreamPublisher publisher = new EngagementStreamPublisher(kinesis, "events", this.codec,
                this.fastRetry);
        List<EngagementEvent> events = IntStream.range(0, 1201).mapToObj((i) -> event("e" + i, "u" + i)).toList();

        // when
        publisher.publish(events);

        // then
        assertThat(kinesis.requests).extracting((request) -> request.records().size()).containsExactly(500, 500, 201);
    }

    @Test
    void splitsBatchesAtFiveMebibytes() {
        // given
        RecordingKinesis kinesis = new RecordingKinesis(RecordingKinesis::acceptAll);
        EngagementStreamPublisher publisher = new EngagementStreamPublisher(kinesis, "events", this.codec,
                this.fastRetry);
        String padding = "x".repeat(900 * 1024);
        List<EngagementEvent> events = IntStream.range(0, 12)
            .mapToObj((i) -> withProperty(event("e" + i, "u" + i), padding))
            .toList();

        // when
        publisher.publish(events);

        // then
        assertThat(kinesis.requests).extracting((request) -> request.records().size()).containsExactly(5, 5, 2);
    }

    @Test
    void retriesOnlyTheRecordsTheStreamRefused() {
        // given
        Deque<Function<PutRecordsRequest, PutRecordsResponse>> answers = new ArrayDeque<>(
                List.of(RecordingKinesis::refuseFirst, RecordingKinesis::acceptAll));
        RecordingKinesis kinesis = new RecordingKinesis((request) -> answers.pop().apply(request));
        EngagementStreamPublisher publisher = new EngagementStreamPublisher(kinesis, "events", this.codec,
                this.fastRetry);

        // when
        publisher.publish(List.of(event("e1", "u1"), event("e2", "u2"), event("e3", "u3")));

        // then
        assertThat(kinesis.requests).hasSize(2);
        assertThat(kinesis.requests.get(1).records()).extracting((entry) -> entry.partitionKey())
            .containsExactly("u1");
    }

    @Test
    void throwsWhenRecordsAreStillRefusedAfterTheLastAttempt() {
        // given
        RecordingKinesis kinesis = new RecordingKinesis(RecordingKinesis::refuseFirst);
        EngagementStreamPublisher publisher = new EngagementStreamPublisher(kinesis, "events", this.codec,
                this.fastRetry);

        // when / then
        assertThatExceptionOfType(StreamPublishFailedException.class)
            .isThrownBy(() -> publisher.publish(List.of(event("e1", "u1"), event("e2", "u2"))))
            .withMessageContaining("1 of 2 records")
            .withMessageContaining("ProvisionedThroughputExceededException")
            .satisfies((ex) -> assertThat(ex.failedRecords()).isEqualTo(1));
        assertThat(kinesis.requests).hasSize(3);
    }

    @Test
    void throwsWhenTheStreamCannotBeReached() {
        // given
        RecordingKinesis kinesis = new RecordingKinesis((request) -> {
            throw SdkClientException.create("Connection refused");
        });
        EngagementStreamPublisher publisher = new EngagementStreamPublisher(kinesis, "events", this.codec,
                this.fastRetry);

        // when / then
        assertThatExceptionOfType(StreamPublishFailedException.class)
            .isThrownBy(() -> publisher.publish(event("e1", "u1")))
            .withMessageContaining("Connection refused")
            .withCauseInstanceOf(SdkClientException.class);
        assertThat(kinesis.requests).hasSize(3);
    }

    @Test
    void backsOffExponentiallyUpToTheLimit() {
        // given
        PublishRetry retry = new PublishRetry(6, Duration.ofMillis(100), Duration.ofMillis(350));

        // when / then
        assertThat(List.of(2, 3, 4, 5)).map(retry::backoffBefore)
            .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(350),
                    Duration.ofMillis(350));
    }

    private static EngagementEvent event(String eventId, String userId) {
        return new EngagementEvent(eventId, EventType.CLICK, userId, "258", NOW, null, null, "ios", Map.of());
    }

    private static EngagementEvent withProperty(EngagementEvent event, String padding) {
        return new EngagementEvent(event.eventId(), event.type(), event.userId(), event.bookId(), event.occurredAt(),
                null, null, null, Map.of("padding", padding));
    }

    private static final class RecordingKinesis implements KinesisClient {

        private final List<PutRecordsRequest> requests = new ArrayList<>();

        private final Function<PutRecordsRequest, PutRecordsResponse> answer;

        RecordingKinesis(Function<PutRecordsRequest, PutRecordsResponse> answer) {
            this.answer = answer;
        }

        @Override
        public PutRecordsResponse putRecords(PutRecordsRequest request) {
            this.requests.add(request);
            return this.answer.apply(request);
        }

        static PutRecordsResponse acceptAll(PutRecordsRequest request) {
            List<PutRecordsResultEntry> results = request.records().stream()
                .map((entry) -> PutRecordsResultEntry.builder().shardId("shardId-0").sequenceNumber("1").build())
                .toList();
            return PutRecordsResponse.builder().failedRecordCount(0).records(results).build();
        }

        static PutRecordsResponse refuseFirst(PutRecordsRequest request) {
            List<PutRecordsResultEntry> results = new ArrayList<>(acceptAll(request).records());
            results.set(0, PutRecordsResultEntry.builder()
                .errorCode("ProvisionedThroughputExceededException")
                .errorMessage("Rate exceeded")
                .build());
            return PutRecordsResponse.builder().failedRecordCount(1).records(results).build();
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {
        }

    }

}
