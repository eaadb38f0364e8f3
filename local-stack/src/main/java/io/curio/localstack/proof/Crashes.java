package io.curio.localstack.proof;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.curio.localstack.stack.Progress;
import io.curio.localstack.stack.RunningStack;
import io.curio.localstack.stack.Service;
import io.curio.localstack.stack.StackException;
import io.curio.localstack.stack.Waiting;

/**
 * SIGKILLs ingestion-service and feature-service in turn at moments spread evenly over the sending time, and
 * starts each again the way {@code up} does. A service is killed again only once its last restart is ready, so
 * every kill hits a working service.
 */
final class Crashes {

    static final List<Service> TARGETS = List.of(Service.INGESTION, Service.FEATURE);

    private final RunningStack stack;

    private final Clock clock;

    private final Progress progress;

    private final Map<Service, CompletableFuture<Void>> restarts = new EnumMap<>(Service.class);

    private final List<CompletableFuture<Kill>> kills = new CopyOnWriteArrayList<>();

    /** Its own threads: the plan blocks while it waits, and the common pool has one thread on two cores. */
    private final ExecutorService workers = Executors.newCachedThreadPool((work) -> {
        Thread thread = new Thread(work, "crashes");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * One kill and what followed.
     * @param service the process name, e.g. {@code ingestion}
     * @param pid the pid that got SIGKILL
     * @param killedAt when
     * @param readyAt when the restarted service answered ready, or {@code null} when it did not
     */
    record Kill(String service, long pid, Instant killedAt, Instant readyAt) {
    }

    Crashes(RunningStack stack, Clock clock, Progress progress) {
        this.stack = stack;
        this.clock = clock;
        this.progress = progress;
        TARGETS.forEach((service) -> this.restarts.put(service, CompletableFuture.completedFuture(null)));
    }

    /** The moments of {@code killsEach} kills per target, as offsets from the start of sending. */
    static List<Duration> moments(int killsEach, Duration sending) {
        int total = killsEach * TARGETS.size();
        List<Duration> moments = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            moments.add(sending.multipliedBy(i).dividedBy(total + 1));
        }
        return moments;
    }

    /** Runs the plan in the background, starting now; answers at once. */
    CompletableFuture<Void> start(int killsEach, Duration sending) {
        long started = System.nanoTime();
        List<Duration> moments = moments(killsEach, sending);
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < moments.size(); i++) {
                Waiting.pause(Duration.ofNanos(Math.max(0, started + moments.get(i).toNanos() - System.nanoTime())));
                killAndRestart(TARGETS.get(i % TARGETS.size()));
            }
        }, this.workers);
    }

    /** Waits until every restart is over; answers every kill in order. */
    List<Kill> awaitRestarts() {
        return this.kills.stream().map(Crashes::join).toList();
    }

    private void killAndRestart(Service service) {
        join(this.restarts.get(service));
        OptionalLong pid = this.stack.kill(service);
        if (pid.isEmpty()) {
            throw new StackException(service.module() + " was not running when it was due to be killed");
        }
        Instant killedAt = this.clock.instant();
        this.progress.step("SIGKILL " + service.processName() + " (pid " + pid.getAsLong() + "), restarting it");
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> this.stack.start(service, this.progress),
                this.workers);
        this.restarts.put(service, restart);
        this.kills.add(restart.handle((done, failure) -> new Kill(service.processName(), pid.getAsLong(), killedAt,
                (failure == null) ? this.clock.instant() : null)));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        }
        catch (CompletionException ex) {
            throw new StackException(ex.getCause().getMessage(), ex.getCause());
        }
    }

}
