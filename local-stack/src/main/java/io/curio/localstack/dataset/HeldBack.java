package io.curio.localstack.dataset;

/**
 * One interaction of a simulation reader kept out of the import: part of the future {@code ./curio simulate}
 * plays.
 *
 * @param userId the reader
 * @param plan the reader's plan, {@code free} or {@code premium}
 * @param interaction what the reader did
 */
public record HeldBack(String userId, String plan, Interaction interaction) {

    /** Whether the reader liked the book: a rating of {@value SimulationHoldout#POSITIVE_STARS} stars or more. */
    public boolean isPositive() {
        return SimulationHoldout.isPositive(this.interaction);
    }

}
