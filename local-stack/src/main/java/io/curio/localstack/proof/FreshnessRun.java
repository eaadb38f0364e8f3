package io.curio.localstack.proof;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.curio.events.EngagementEvent;
import io.curio.events.EventType;
import io.curio.events.stream.EngagementStreamPublisher;
import io.curio.localstack.stack.HttpJson;
import io.curio.localstack.stack.Progress;
import io.curio.localstack.stack.RunningStack;
import io.curio.localstack.stack.Service;
import io.curio.localstack.stack.Waiting;

/**
 * Measures stream-to-feature freshness: puts one event at a time on the stream at a steady rate, each for a reader
 * of its own with {@code occurredAt} = now, and polls feature-service's profile of every reader still waiting until
 * the event shows; the delay is from {@code occurredAt} to the poll that saw it.
 */
final class FreshnessRun {

    private static final Duration POLL_PAUSE = Duration.ofMillis(20);

    private static final Duration LAST_WAIT = Duration.ofSeconds(60);

    private final RunningStack stack;

    private final EngagementStreamPublisher publisher;

    private final Clock clock;

    private final Map<String, Instant> waiting = new ConcurrentHashMap<>();

    private final List<Long> delays = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param sent events put on the stream
     * @param seen events the profile showed within the wait
     * @param p50Ms median delay from occurredAt to visible, in milliseconds
     * @param p95Ms 95th percentile
     * @param p99Ms 99th percentile
     * @param maxMs the longest
     */
    record Result(int sent, int seen, long p50Ms, long p95Ms, long p99Ms, long maxMs) {
    }

    FreshnessRun(RunningStack stack, EngagementStreamPublisher publisher, Clock clock) {
        this.stack = stack;
        this.publisher = publisher;
        this.clock = clock;
    }

    Result measure(String prefix, String bookId, int perSecond, Duration length, Progress progress) {
        int total = (int) (perSecond * length.toSeconds());
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        sender.scheduleAtFixedRate(() -> {
            if (sent.get() < total) {
                send(prefix + "-f" + sent.getAndIncrement(), bookId);
            }
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        long deadline = System.nanoTime() + length.plus(LAST_WAIT).toNanos();
        long nextLine = System.nanoTime();
        while (System.nanoTime() < deadline && (sent.get() < total || !this.waiting.isEmpty())) {
            pollWaiting();
            if (System.nanoTime() > nextLine) {
                progress.step("sent " + sent.get() + "/" + total + ", visible " + this.delays.size() + ", p50 so far "
                        + percentile(sortedDelays(), 50) + " ms");
                nextLine = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            Waiting.pause(POLL_PAUSE);
        }
        sender.shutdownNow();
        List<Long> sorted = sortedDelays();
        return new Result(sent.get(), sorted.size(), percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
    }

    /** The nearest-rank percentile of sorted values, or -1 for none. */
    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private void send(String reader, String bookId) {
        Instant now = this.clock.instant();
        this.waiting.put(reader, now);
        this.publisher.publish(new EngagementEvent(reader + "-e", EventType.OPEN, reader, bookId, now, null, null,
                "web", Map.of()));
    }

    private void pollWaiting() {
        for (Map.Entry<String, Instant> entry : this.waiting.entrySet()) {
            HttpJson.Reply reply = this.stack.http().get(this.stack.url(Service.FEATURE, "/internal/users/"
                    + entry.getKey() + "/profile"), null);
            if (reply.ok() && !reply.json().path("history").isEmpty()) {
                this.delays.add(Duration.between(entry.getValue(), this.clock.instant()).toMillis());
                this.waiting.remove(entry.getKey());
            }
        }
    }

    private List<Long> sortedDelays() {
        synchronized (this.delays) {
            return this.delays.stream().sorted().toList();
        }
    }

}
