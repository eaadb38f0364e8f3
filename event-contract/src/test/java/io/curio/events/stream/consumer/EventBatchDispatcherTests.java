package io.curio.events.stream.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import io.curio.events.DecodedEvent;
import io.curio.events.EventCodec;
import io.curio.events.stream.BufferingEventBatchHandler;
import io.curio.events.stream.EventBatch;
import io.curio.events.stream.ShardCheckpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventBatchDispatcherTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final String GOOD = "{\"eventId\":\"e1\",\"type\":\"open\",\"userId\":\"7\",\"bookId\":\"1\","
            + "\"occurredAt\":\"2026-12-04T09:00:00Z\"}";

    private final RecordingCheckpointer checkpointer = new RecordingCheckpointer();

    @Test
    void handsOverEveryRecordDecodedWithShardAndFirstSequenceNumber() {
        // given
        List<EventBatch> handled = new ArrayList<>();
        EventBatchDispatcher dispatcher = started(new EventBatchDispatcher(handled::add, codec(), CLOCK,
                Duration.ZERO, new SimpleMeterRegistry()));

        // when
        dispatcher.accept(batchMessage(List.of(GOOD.getBytes(), "not json".getBytes()), List.of("101", "102")));

        // then
        EventBatch batch = handled.get(0);
        assertThat(batch.shardId()).isEqualTo("shardId-000000000001");
        assertThat(batch.firstSequenceNumber()).isEqualTo("101");
        assertThat(batch.receivedAt()).isEqualTo(NOW);
        assertThat(batch.records()).extracting(EventBatch.Record::decoded)
            .hasExactlyElementsOfTypes(DecodedEvent.Valid.class, DecodedEvent.Invalid.class);
    }

    @Test
    void checkpointsTheLastRecordOnlyAfterTheHandlerReturned() {
        // given
        List<String> order = new ArrayList<>();
        EventBatchDispatcher dispatcher = started(new EventBatchDispatcher((batch) -> order.add("handled"), codec(),
                CLOCK, Duration.ZERO, new SimpleMeterRegistry()));
        this.checkpointer.onCheckpoint = () -> order.add("checkpointed");

        // when
        dispatcher.accept(batchMessage(List.of(GOOD.getBytes(), GOOD.getBytes()), List.of("101", "102")));

        // then
        assertThat(order).containsExactly("handled", "checkpointed");
        assertThat(this.checkpointer.sequenceNumbers).containsExactly("102");
    }

    @Test
    void handsAFailedBatchOverAgainUntilItSucceeds() {
        // given
        AtomicInteger attempts = new AtomicInteger();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventBatchDispatcher dispatcher = started(new EventBatchDispatcher((batch) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("hub unavailable");
            }
        }, codec(), CLOCK, Duration.ZERO, meters));

        // when
        dispatcher.accept(batchMessage(List.of(GOOD.getBytes()), List.of("101")));

        // then
        assertThat(attempts).hasValue(3);
        assertThat(this.checkpointer.sequenceNumbers).containsExactly("101");
        assertThat(meters.get("curio.stream.batches.failed").counter().count()).isEqualTo(2);
    }

    @Test
    void leavesTheBatchUncheckedWhenStoppedWhileItFails() {
        // given
        EventBatchDispatcher dispatcher = new EventBatchDispatcher((batch) -> {
            throw new IllegalStateException("hub unavailable");
        }, codec(), CLOCK, Duration.ZERO, new SimpleMeterRegistry());

        // when / then
        assertThatExceptionOfType(EventBatchDispatcher.BatchNotHandledException.class)
            .isThrownBy(() -> dispatcher.accept(batchMessage(List.of(GOOD.getBytes()), List.of("101"))))
            .withRootCauseInstanceOf(IllegalStateException.class);
        assertThat(this.checkpointer.sequenceNumbers).isEmpty();
    }

    @Test
    void readsSequenceNumbersFromMessagesWithEmbeddedHeaders() {
        // given
        List<EventBatch> handled = new ArrayList<>();
        EventBatchDispatcher dispatcher = started(new EventBatchDispatcher(handled::add, codec(), CLOCK,
                Duration.ZERO, new SimpleMeterRegistry()));
        Message<byte[]> record = MessageBuilder.withPayload(GOOD.getBytes())
            .setHeader(KinesisHeaders.RECEIVED_SEQUENCE_NUMBER, "205")
            .build();

        // when
        dispatcher.accept(batchMessage(List.of(record), null));

        // then
        assertThat(handled.get(0).firstSequenceNumber()).isEqualTo("205");
        assertThat(handled.get(0).records().get(0).data()).isEqualTo(GOOD.getBytes());
    }

    @Test
    void takesArrivalTimesAndSequenceNumbersFromTheStreamsOwnRecords() {
        // given
        List<EventBatch> handled = new ArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventBatchDispatcher dispatcher = started(new EventBatchDispatcher(handled::add, codec(), CLOCK,
                Duration.ZERO, meters));

        // when
        dispatcher.accept(batchMessage(List.of(streamRecord("301", NOW.minusSeconds(9)),
                streamRecord("302", NOW.minusSeconds(4))), null));

        // then
        assertThat(handled.get(0).receivedAt()).isEqualTo(NOW.minusSeconds(9));
        assertThat(handled.get(0).firstSequenceNumber()).isEqualTo("301");
        assertThat(meters.get("curio.stream.millis.behind.latest").gauge().value()).isEqualTo(4000);
        assertThat(meters.get("curio.stream.records.consumed").counter().count()).isEqualTo(2);
        assertThat(this.checkpointer.sequenceNumbers).containsExactly("302");
    }

    @Test
    void leavesTheCheckpointOfABufferingHandlerToTheHandler() {
        // given
        RecordingBuffer buffer = new RecordingBuffer();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventBatchDispatcher dispatcher = started(new EventBatchDispatcher(buffer, codec(), CLOCK, Duration.ZERO,
                meters));

        // when
        dispatcher.accept(batchMessage(List.of(streamRecord("401", NOW.minusSeconds(30))), null));
        dispatcher.accept(batchMessage(List.of(streamRecord("402", NOW.minusSeconds(20))), null));

        // then
        assertThat(this.checkpointer.sequenceNumbers).isEmpty();
        assertThat(meters.get("curio.stream.checkpoint.lag.records").gauge().value()).isEqualTo(2);
        assertThat(meters.get("curio.stream.checkpoint.lag").gauge().value()).isEqualTo(30);

        // when
        buffer.checkpoint.advanceTo("401");

        // then
        assertThat(this.checkpointer.sequenceNumbers).containsExactly("401");
        assertThat(meters.get("curio.stream.checkpoint.lag.records").gauge().value()).isEqualTo(1);
        assertThat(meters.get("curio.stream.checkpoint.lag").gauge().value()).isEqualTo(20);
    }

    @Test
    void drainsABufferingHandlerOnStopAndRefusesLaterBatches() {
        // given
        RecordingBuffer buffer = new RecordingBuffer();
        EventBatchDispatcher dispatcher = started(new EventBatchDispatcher(buffer, codec(), CLOCK, Duration.ZERO,
                new SimpleMeterRegistry()));
        dispatcher.accept(batchMessage(List.of(streamRecord("501", NOW)), null));

        // when
        dispatcher.stop();

        // then
        assertThat(buffer.drained).isTrue();
        assertThatExceptionOfType(EventBatchDispatcher.BatchNotHandledException.class)
            .isThrownBy(() -> dispatcher.accept(batchMessage(List.of(streamRecord("502", NOW)), null)));
        assertThat(buffer.taken).extracting(EventBatch::firstSequenceNumber).containsExactly("501");
    }

    private static EventCodec codec() {
        return new EventCodec(CLOCK);
    }

    private static EventBatchDispatcher started(EventBatchDispatcher dispatcher) {
        dispatcher.start();
        return dispatcher;
    }

    private Message<List<?>> batchMessage(List<?> records, List<String> sequenceNumbers) {
        MessageBuilder<List<?>> builder = MessageBuilder.<List<?>>withPayload(records)
            .setHeader(KinesisHeaders.SHARD, "shardId-000000000001")
            .setHeader(KinesisHeaders.CHECKPOINTER, this.checkpointer);
        if (sequenceNumbers != null) {
            builder.setHeader(KinesisHeaders.RECEIVED_SEQUENCE_NUMBER, sequenceNumbers);
        }
        return builder.build();
    }

    private static Record streamRecord(String sequenceNumber, Instant arrivedAt) {
        return Record.builder()
            .sequenceNumber(sequenceNumber)
            .approximateArrivalTimestamp(arrivedAt)
            .partitionKey("7")
            .data(SdkBytes.fromUtf8String(GOOD))
            .build();
    }

    private static final class RecordingBuffer implements BufferingEventBatchHandler {

        private final List<EventBatch> taken = new ArrayList<>();

        private ShardCheckpoint checkpoint;

        private boolean drained;

        @Override
        public void take(EventBatch batch, ShardCheckpoint checkpoint) {
            this.taken.add(batch);
            this.checkpoint = checkpoint;
        }

        @Override
        public void drain() {
            this.drained = true;
        }

    }

    private static final class RecordingCheckpointer implements Checkpointer {

        private final List<String> sequenceNumbers = new ArrayList<>();

        private Runnable onCheckpoint = () -> {
        };

        @Override
        public boolean checkpoint() {
            throw new UnsupportedOperationException("a batch is checkpointed at its last record");
        }

        @Override
        public boolean checkpoint(String sequenceNumber) {
            this.onCheckpoint.run();
            this.sequenceNumbers.add(sequenceNumber);
            return true;
        }

    }

}
