package io.curio.localstack.simulation;

import java.util.HashSet;
import java.util.Set;

/**
 * One reader played against the API: who they are and the books of their held-back future they liked and have not
 * come across yet. Only one worker plays a reader at a time.
 */
final class SimulatedReader {

    private final String userId;

    private final String plan;

    private final String platform;

    private final Set<String> unfinished;

    SimulatedReader(String userId, String plan, String platform, Set<String> future) {
        this.userId = userId;
        this.plan = plan;
        this.platform = platform;
        this.unfinished = new HashSet<>(future);
    }

    String userId() {
        return this.userId;
    }

    String plan() {
        return this.plan;
    }

    /** {@code ios} or {@code android}, the same on every visit. */
    String platform() {
        return this.platform;
    }

    /** The liked books of the future not clicked yet, as they are now. */
    Set<String> unfinished() {
        return Set.copyOf(this.unfinished);
    }

    boolean wouldRead(String bookId) {
        return this.unfinished.contains(bookId);
    }

    /**
     * The reader clicked a book of their future: they finished it or lost interest, and either way it draws no
     * more clicks. Otherwise a list that keeps showing one liked book would earn a click on every visit, and the
     * click-through rate would measure how often readers come back rather than what the model found.
     */
    void settle(String bookId) {
        this.unfinished.remove(bookId);
    }

}
