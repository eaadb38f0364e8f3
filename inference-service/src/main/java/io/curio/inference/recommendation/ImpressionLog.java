package io.curio.inference.recommendation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
 * a slow or absent stream never delays or fails a request. Lists that cannot be logged are counted.
 */
public class ImpressionLog implements DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(ImpressionLog.class);

    private final ImpressionPublisher publisher;

    private final Clock clock;

    private final Counter failed;

    private final ThreadPoolExecutor sender;

    private volatile boolean lastFailed;

    public ImpressionLog(ImpressionPublisher publisher, Clock clock, MeterRegistry meters, int queueCapacity) {
        this.publisher = publisher;
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
     * ranked order, the position of a book being its index plus one.
     */
    EngagementEvent impressionOf(RecommendationList list, String platform, CanaryRef canary) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("surface", list.surface());
        properties.put("experiment", (list.experiment() != null) ? list.experiment().key() : null);
        properties.put("variant", (list.experiment() != null) ? list.experiment().variant() : null);
        properties.put("algorithm", list.model().algorithm());
        properties.put("modelVersion", list.model().version());
        properties.put("bookIds", list.items().stream().map(RecommendationList.Item::bookId).toList());
        properties.put("degraded", list.degraded());
        properties.put("canary", (canary != null) ? Map.of("id", canary.id(), "arm", canary.arm()) : null);
        return new EngagementEvent(UUID.randomUUID().toString(), EventType.IMPRESSION, list.userId(), null,
                this.clock.instant(), list.requestId(), null, platform, properties);
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
