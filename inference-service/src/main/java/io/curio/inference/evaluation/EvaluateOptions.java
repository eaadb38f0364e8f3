package io.curio.inference.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.curio.inference.InferenceProperties;
import io.curio.inference.model.Algorithm;
import io.curio.inference.training.Trainers;

/**
 * The options of {@code ./curio evaluate}.
 *
 * @param dataset the goodbooks folder
 * @param algorithms the algorithms to evaluate, in the order given
 * @param protocol readers, seed and signal use
 * @param out where the JSON results go
 * @param settings training settings over the service's defaults, keyed as in its configuration
 */
record EvaluateOptions(Path dataset, List<Algorithm> algorithms, EvaluationProtocol protocol, Path out,
        Map<String, String> settings) {

    static final String USAGE = """
            usage: ./curio evaluate [--dataset DIR] [--algorithms a,b,...] [--users N] [--seed S] [--no-to-read]
                                    [--out FILE] [--set curio.inference.KEY=VALUE ...]
              --dataset DIR        goodbooks-10k folder (default ../shared/data/goodbooks-10k of the checkout)
              --algorithms a,b     among %s (default all)
              --users N            held-out readers (default 10000)
              --seed S             seed of the split (default 42)
              --no-to-read         leave to-read marks out entirely
              --out FILE           JSON results (default bench/results/evaluation.json of the checkout)
              --set KEY=VALUE      a training setting as inference-service reads it, for example
                                   curio.inference.ease.lambda=200 (repeatable)
            """.formatted(names(Arrays.asList(Algorithm.values())));

    /**
     * Parses the arguments; paths without an option are relative to {@code checkout}.
     * @throws InvalidEvaluationInputException naming the bad option or value
     */
    static EvaluateOptions parse(List<String> args, Path checkout) {
        Path dataset = checkout.resolve("../shared/data/goodbooks-10k").normalize();
        List<Algorithm> algorithms = Arrays.asList(Algorithm.values());
        EvaluationProtocol defaults = EvaluationProtocol.defaults();
        int users = defaults.users();
        long seed = defaults.seed();
        boolean toRead = true;
        Path out = checkout.resolve("bench/results/evaluation.json");
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--dataset" -> dataset = Path.of(value(args, ++i, option));
                case "--algorithms" -> algorithms = algorithms(value(args, ++i, option));
                case "--users" -> users = positive(value(args, ++i, option), option);
                case "--seed" -> seed = number(value(args, ++i, option), option);
                case "--no-to-read" -> toRead = false;
                case "--out" -> out = Path.of(value(args, ++i, option));
                case "--set" -> setting(value(args, ++i, option), settings);
                default -> throw new InvalidEvaluationInputException("unknown option '" + option + "'; see --help");
            }
        }
        if (!Files.isDirectory(dataset)) {
            throw new InvalidEvaluationInputException("no dataset folder at " + dataset + "; pass --dataset DIR");
        }
        return new EvaluateOptions(dataset, algorithms, new EvaluationProtocol(users, seed, toRead), out,
                Map.copyOf(settings));
    }

    /**
     * The trainers under the service's defaults with the {@code --set} settings over them, each algorithm's
     * trainer built once so that a setting out of its range is reported before anything is loaded.
     */
    Trainers trainers() {
        try {
            Trainers trainers = new Trainers(InferenceProperties.of(this.settings));
            this.algorithms.forEach(trainers::of);
            return trainers;
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidEvaluationInputException("invalid --set: " + ex.getMessage());
        }
    }
    private static void setting(String text, Map<String, String> settings) {
        int equals = text.indexOf('=');
        if (equals < 1 || !text.startsWith("curio.inference.")) {
            throw new InvalidEvaluationInputException("--set takes curio.inference.KEY=VALUE, not '" + text + "'");
        }
        settings.put(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new InvalidEvaluationInputException(option + " needs a value");
        }
        return args.get(index);
    }

    private static List<Algorithm> algorithms(String list) {
        List<Algorithm> algorithms = new ArrayList<>();
        for (String name : list.split(",")) {
            Algorithm algorithm = Algorithm.fromModelName(name.strip())
                .orElseThrow(() -> new InvalidEvaluationInputException("unknown algorithm '" + name.strip()
                        + "'; known: " + names(Arrays.asList(Algorithm.values()))));
            if (!algorithms.contains(algorithm)) {
                algorithms.add(algorithm);
            }
        }
        return algorithms;
    }

    private static int positive(String text, String option) {
        long value = number(text, option);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new InvalidEvaluationInputException(option + " must be a positive whole number, not '" + text + "'");
        }
        return (int) value;
    }

    private static long number(String text, String option) {
        try {
            return Long.parseLong(text.strip());
        }
        catch (NumberFormatException ex) {
            throw new InvalidEvaluationInputException(option + " must be a whole number, not '" + text + "'");
        }
    }

    private static String names(List<Algorithm> algorithms) {
        return String.join(",", algorithms.stream().map(Algorithm::modelName).toList());
    }

}
