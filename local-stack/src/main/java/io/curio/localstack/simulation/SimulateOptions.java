package io.curio.localstack.simulation;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.curio.localstack.cli.Arguments;
import io.curio.localstack.cli.UsageException;
import io.curio.localstack.stack.StackHome;

/**
 * The options of {@code simulate}.
 *
 * @param home the stack's state folder
 * @param users how many simulation readers take part
 * @param minutes how long readers are played
 * @param rate recommendation requests per second, across all readers
 * @param seed the seed of the readers' choice and of every click
 * @param experiment the experiment whose results are read at the end
 * @param click the probability that a reader clicks a liked book at the top of a list
 */
public record SimulateOptions(StackHome home, int users, int minutes, int rate, long seed, String experiment,
        double click) {

    public static final int DEFAULT_USERS = 1_000;

    public static final int DEFAULT_MINUTES = 4;

    /** Requests per second that two cores sustain beside the stack, with the blend in the experiment. */
    public static final int DEFAULT_RATE = 30;

    public static final long DEFAULT_SEED = 7;

    public static final String DEFAULT_EXPERIMENT = "home-ranking";

    /**
     * Low enough that a list with two liked books near the top earns more clicked lists than a list with one: at
     * 0.9 nearly every list showing any liked book is clicked, and CTR stops telling the models apart.
     */
    public static final double DEFAULT_CLICK = 0.35;

    private static final String EXPERIMENT_KEY = "[a-z0-9-]{1,64}";

    public static SimulateOptions parse(List<String> args, Path root) {
        Arguments arguments = Arguments
            .parse(args, Set.of("users", "minutes", "rate", "seed", "home", "experiment", "click"), Set.of())
            .withoutPositionals();
        StackHome home = new StackHome(arguments.path("home").orElse(root.resolve(".curio")));
        String experiment = arguments.value("experiment", DEFAULT_EXPERIMENT);
        if (!experiment.matches(EXPERIMENT_KEY)) {
            throw new UsageException("--experiment must be an experiment key of a-z, 0-9 and '-', was '"
                    + experiment + "'");
        }
        return new SimulateOptions(home, arguments.intValue("users", DEFAULT_USERS, 1, 100_000),
                arguments.intValue("minutes", DEFAULT_MINUTES, 1, 24 * 60),
                arguments.intValue("rate", DEFAULT_RATE, 1, 500), seed(arguments), experiment, click(arguments));
    }

    private static double click(Arguments arguments) {
        String text = arguments.value("click", Double.toString(DEFAULT_CLICK));
        try {
            double click = Double.parseDouble(text.trim());
            if (click > 0 && click <= 1) {
                return click;
            }
        }
        catch (NumberFormatException ex) {
            // refused below with the same message as a value out of range
        }
        throw new UsageException("--click must be a probability above 0 and at most 1, was '" + text + "'");
    }

    private static long seed(Arguments arguments) {
        String text = arguments.value("seed", Long.toString(DEFAULT_SEED));
        try {
            return Long.parseLong(text.trim());
        }
        catch (NumberFormatException ex) {
            throw new UsageException("--seed must be a whole number, was '" + text + "'");
        }
    }

}
