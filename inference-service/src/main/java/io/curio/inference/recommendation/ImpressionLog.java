package io.curio.inference.recommendation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.curio.assignment.ImpressionSignature;
import io.curio.events.EngagementEvent;
import io.curio.events.EventType;
import io.curio.inference.placement.CanaryRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Puts one {@code impression} event per served list on the engagement stream, on its own thread so that
 * a slow or absent stream never delays or fails a request. Lists that cannot be logged are counted. Each
 * impression is signed with the key abtest-service verifies, which counts no impression this service did not log.
 */
public class ImpressionLog implements DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(ImpressionLog.class);

    private final ImpressionPublisher publisher;

    private final ImpressionSignature signature;

    private final Clock clock;

    private final Counter failed;

    private final ThreadPoolExecutor sender;

    private volatile boolean lastFailed;

    public ImpressionLog(ImpressionPublisher publisher, ImpressionSignature signature, Clock clock,
            MeterRegistry meters, int queueCapacity) {
        this.publisher = publisher;
        this.signature = signature;
        this.clock = clock;
        this.failed = Counter.builder("curio.inference.impressions.failed")
            .description("Impressions that could not be put on the engagement stream")
            .register(meters);
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
                (runnable) -> daemon(runnable));
    }

    /**
     * Queues the impression of a served list; never throws.
     *
     * @param platform the client platform the list was served to, or {@code null}
     * @param canary the canary whose arm chose the model version, or {@code null}
     */
    public void served(RecommendationList list, String platform, CanaryRef canary) {
        try {
            EngagementEvent impression = impressionOf(list, platform, canary);
            this.sender.execute(() -> send(impression));
        }
        catch (RejectedExecutionException ex) {
            this.failed.increment();
        }
    }

    /**
     * The impression event: what abtest-service attributes outcomes and canaries with. {@code bookIds} is in
     * ranked order, the position of a book being its index plus one. The event is written from the signed facts,
     * so that it carries exactly what {@code properties.signature} vouches for.
     */
    EngagementEvent impressionOf(RecommendationList list, String platform, CanaryRef canary) {
        ImpressionSignature.Facts facts = factsOf(list, canary);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("surface", facts.surface());
        properties.put("experiment", facts.experiment());
        properties.put("variant", facts.variant());
        properties.put("algorithm", facts.algorithm());
        properties.put("modelVersion", facts.modelVersion());
        properties.put("bookIds", facts.bookIds());
        properties.put("degraded", facts.degraded());
        properties.put("canary", (facts.canaryId() != null)
                ? Map.of("id", facts.canaryId(), "arm", facts.canaryArm()) : null);
        properties.put("signature", this.signature.sign(facts));
        return new EngagementEvent(UUID.randomUUID().toString(), EventType.IMPRESSION, facts.userId(), null,
                this.clock.instant(), facts.requestId(), null, platform, properties);
    }

    private static ImpressionSignature.Facts factsOf(RecommendationList list, CanaryRef canary) {
        RecommendationList.ExperimentRef experiment = list.experiment();
        return new ImpressionSignature.Facts(list.requestId(), list.userId(), list.surface(),
                (experiment != null) ? experiment.key() : null, (experiment != null) ? experiment.variant() : null,
                list.model().algorithm(), list.model().version(), list.degraded(),
                (canary != null) ? canary.id() : null, (canary != null) ? canary.arm() : null,
                list.items().stream().map(RecommendationList.Item::bookId).toList());
    }

    private void send(EngagementEvent impression) {
        try {
            this.publisher.publish(impression);
            this.lastFailed = false;
        }
        catch (RuntimeException ex) {
            this.failed.increment();
            warnOnce(ex);
        }
    }

    private void warnOnce(RuntimeException ex) {
        if (!this.lastFailed) {
            logger.warn("Cannot put impressions on the engagement stream; counting them as failed", ex);
        }
        else {
            logger.debug("Impression not put on the stream", ex);
        }
        this.lastFailed = true;
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "impression-log");
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void destroy() throws InterruptedException {
        this.sender.shutdown();
        this.sender.awaitTermination(5, TimeUnit.SECONDS);
    }

}
