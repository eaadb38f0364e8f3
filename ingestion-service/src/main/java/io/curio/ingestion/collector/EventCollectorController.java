package io.curio.ingestion.collector;

import java.util.List;

import io.curio.events.DecodedEvent;
import io.curio.events.EventCodec;
import io.curio.events.MalformedEventsException;
import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.ingestion.events.RejectionReasons;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/events}: the HTTP entry to the engagement stream, behind the gateway.
 */
@RestController
public class EventCollectorController {

    /** Largest accepted request body, in bytes. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /** Most events in one request. */
    public static final int MAX_EVENTS = 500;

    private final EventCodec codec;

    private final EngagementStreamPublisher publisher;

    private final MeterRegistry meters;

    public EventCollectorController(EventCodec codec, EngagementStreamPublisher publisher, MeterRegistry meters) {
        this.codec = codec;
        this.publisher = publisher;
        this.meters = meters;
    }

    @PostMapping("/v1/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public CollectionResult collect(@RequestHeader(name = "X-User-Id", required = false) String userId,
            HttpServletRequest request) {
        if (userId == null || userId.isBlank()) {
            throw new MissingCallerException();
        }
        CollectedBatch batch = CollectedBatch.of(decode(request), userId);
        if (!batch.accepted().isEmpty()) {
            this.publisher.publish(batch.accepted());
        }
        count(batch);
        return batch.result();
    }

    /** Reads and decodes the body; a body refused as a whole is counted by its reason before the refusal. */
    private List<DecodedEvent> decode(HttpServletRequest request) {
        try {
            return this.codec.decodeBatch(BoundedBody.read(request, MAX_BODY_BYTES), MAX_EVENTS);
        }
        catch (MalformedEventsException | BodyTooLargeException ex) {
            this.meters.counter("curio.ingestion.collector.bodies.refused", "reason",
                    RejectionReasons.classify(ex.getMessage())).increment();
            throw ex;
        }
    }

    private void count(CollectedBatch batch) {
        this.meters.counter("curio.ingestion.events.accepted", "source", "collector")
            .increment(batch.accepted().size());
        for (CollectionResult.Rejection rejection : batch.rejected()) {
            this.meters.counter("curio.ingestion.events.rejected", "source", "collector", "reason",
                    RejectionReasons.classify(rejection.reason())).increment();
        }
    }

}
