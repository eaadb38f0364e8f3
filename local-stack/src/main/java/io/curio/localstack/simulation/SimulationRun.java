package io.curio.localstack.simulation;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.curio.localstack.simulation.ReaderVisits.Outcome;
import io.curio.localstack.simulation.ReaderVisits.Visit;

/**
 * Plays the readers for a while: {@value #WORKERS} workers take the reader that waited longest, visit, and put them
 * back last, at most {@code rate} visits a second in all; a progress line every {@value #PROGRESS_SECONDS} s.
 */
final class SimulationRun {

    static final int WORKERS = 3;

    static final int PROGRESS_SECONDS = 10;

    private final ReaderVisits visits;

    private final BlockingQueue<SimulatedReader> waiting;

    private final SimulationTally tally = new SimulationTally();

    private final PrintStream out;

    SimulationRun(ReaderVisits visits, List<SimulatedReader> readers, PrintStream out) {
        this.visits = visits;
        this.waiting = new LinkedBlockingQueue<>(readers);
        this.out = out;
    }

    SimulationTally.Counts run(Duration length, int rate, long seed) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        Pacer pacer = new Pacer(rate);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < WORKERS; worker++) {
                Random random = new Random(seed * 31 + worker);
                running.add(workers.submit(() -> work(deadline, pacer, random)));
            }
            while (!workers.awaitTermination(PROGRESS_SECONDS, TimeUnit.SECONDS) && !allDone(running)) {
                this.out.println(progressLine(Duration.ofNanos(System.nanoTime() - start), this.tally.counts()));
            }
        }
        finally {
            workers.shutdownNow();
            workers.awaitTermination(30, TimeUnit.SECONDS);
        }
        return this.tally.counts();
    }

    private static boolean allDone(List<Future<?>> running) {
        return running.stream().allMatch(Future::isDone);
    }

    private Void work(long deadline, Pacer pacer, Random random) throws InterruptedException {
        while (pacer.awaitTurn(deadline)) {
            SimulatedReader reader = this.waiting.take();
            Visit visit;
            try {
                visit = this.visits.visit(reader, random);
            }
            catch (ReaderVisits.GatewayUnreachableException ex) {
                this.tally.unreachable(ex.getMessage());
                continue;
            }
            finally {
                this.waiting.put(reader);
            }
            this.tally.record(visit);
            if (visit.outcome() == Outcome.THROTTLED) {
                Thread.sleep(visit.retryAfter().toMillis());
            }
        }
        return null;
    }

    static String progressLine(Duration elapsed, SimulationTally.Counts counts) {
        return String.format(Locale.ROOT, "    %3d s: %,d requests, lists by variant %s, clicks %,d (%,d noise), "
                + "finishes %,d, throttled %,d, errors %,d", elapsed.toSeconds(), counts.requests(), counts.lists(),
                counts.clicks(), counts.noiseClicks(), counts.finishes(), counts.throttled(), counts.failures());
    }

    /** Hands out evenly spaced turns, at most {@code rate} a second. */
    static final class Pacer {

        private final long interval;

        private long next = System.nanoTime();

        Pacer(int rate) {
            this.interval = TimeUnit.SECONDS.toNanos(1) / rate;
        }

        /** Waits for the next turn; answers false, without waiting, when that turn would fall after the deadline. */
        boolean awaitTurn(long deadline) throws InterruptedException {
            long turn;
            synchronized (this) {
                turn = Math.max(this.next, System.nanoTime());
                if (turn >= deadline) {
                    return false;
                }
                this.next = turn + this.interval;
            }
            TimeUnit.NANOSECONDS.sleep(turn - System.nanoTime());
            return true;
        }

    }

}
