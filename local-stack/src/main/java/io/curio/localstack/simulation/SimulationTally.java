package io.curio.localstack.simulation;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.curio.localstack.simulation.ClickModel.Reaction;
import io.curio.localstack.simulation.ReaderVisits.Outcome;
import io.curio.localstack.simulation.ReaderVisits.Visit;

/**
 * What the readers saw and did, as counted on the client side while a run goes on.
 */
final class SimulationTally {

    private final LongAdder requests = new LongAdder();

    private final Map<String, LongAdder> lists = new ConcurrentHashMap<>();

    private final Map<String, LongAdder> clickedLists = new ConcurrentHashMap<>();

    private final LongAdder clicks = new LongAdder();

    private final LongAdder noiseClicks = new LongAdder();

    private final LongAdder finishes = new LongAdder();

    private final LongAdder throttled = new LongAdder();

    private final LongAdder failures = new LongAdder();

    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    /**
     * The counts at one moment.
     * @param requests lists asked for
     * @param lists lists served, by the variant they named
     * @param clickedLists lists with at least one click, by variant
     * @param clicks clicks sent
     * @param noiseClicks clicks on books outside the reader's future
     * @param finishes finish events sent
     * @param throttled answers 429
     * @param failures other failed calls
     * @param lastFailure what the latest failure was, or {@code null}
     */
    record Counts(long requests, Map<String, Long> lists, Map<String, Long> clickedLists, long clicks,
            long noiseClicks, long finishes, long throttled, long failures, String lastFailure) {
    }

    void record(Visit visit) {
        this.requests.increment();
        if (visit.outcome() == Outcome.THROTTLED) {
            this.throttled.increment();
            return;
        }
        if (visit.outcome() == Outcome.FAILED) {
            failed(visit.failure());
            return;
        }
        this.lists.computeIfAbsent(visit.variant(), (name) -> new LongAdder()).increment();
        if (!visit.reactions().isEmpty()) {
            this.clickedLists.computeIfAbsent(visit.variant(), (name) -> new LongAdder()).increment();
        }
        for (Reaction reaction : visit.reactions()) {
            this.clicks.increment();
            if (!reaction.wanted()) {
                this.noiseClicks.increment();
            }
            if (reaction.finished()) {
                this.finishes.increment();
            }
        }
    }

    /** A call that did not get an answer at all. */
    void unreachable(String failure) {
        this.requests.increment();
        failed(failure);
    }

    private void failed(String failure) {
        this.failures.increment();
        this.lastFailure.set(failure);
    }

    Counts counts() {
        return new Counts(this.requests.sum(), sums(this.lists), sums(this.clickedLists), this.clicks.sum(),
                this.noiseClicks.sum(), this.finishes.sum(), this.throttled.sum(), this.failures.sum(),
                this.lastFailure.get());
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> sums = new TreeMap<>();
        adders.forEach((name, adder) -> sums.put(name, adder.sum()));
        return sums;
    }

}
