package io.curio.inference.evaluation;

/**
 * How an offline evaluation holds readers out. Positives are strong signals (rated 4 or 5, finished, clicked,
 * opened); to-read marks are extra input, never targets.
 *
 * @param users how many readers are held out at most
 * @param seed the seed of every random choice, so that a run can be repeated exactly
 * @param toRead whether to-read marks are used at all (as input and training data)
 */
public record EvaluationProtocol(int users, long seed, boolean toRead) {

    /** A reader is eligible when they have at least this many strong positives. */
    public static final int MIN_POSITIVES = 5;

    /** The share of an eligible reader's strong positives that become targets (at least one). */
    public static final double TARGET_FRACTION = 0.2;

    /** Lists are cut at these ranks. */
    public static final int LIST_LENGTH = 100;

    public EvaluationProtocol {
        if (users < 1) {
            throw new IllegalArgumentException("the number of held-out readers must be positive, not " + users);
        }
    }

    /** 10,000 readers, seed 42, to-read marks used. */
    public static EvaluationProtocol defaults() {
        return new EvaluationProtocol(10_000, 42, true);
    }

    /** How many of {@code positives} strong positives are held out as targets. */
    public static int targetCount(int positives) {
        return Math.max(1, (int) Math.round(positives * TARGET_FRACTION));
    }

}
