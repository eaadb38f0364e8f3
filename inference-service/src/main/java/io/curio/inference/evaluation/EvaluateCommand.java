package io.curio.inference.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.curio.events.csv.MalformedCsvException;
import io.curio.inference.model.Algorithm;
import io.curio.inference.training.Trainers;
import tools.jackson.core.JacksonException;

/**
 * {@code ./curio evaluate}: reads a goodbooks folder, holds readers out, trains each algorithm with the service's
 * default settings, prints a table and writes the numbers as JSON. Exit code 0 on success, 2 on bad input (with a
 * one-line message), 1 when writing the results fails.
 */
public final class EvaluateCommand {

    private static final int SCORING_THREADS = 2;

    private final PrintStream out;

    private final PrintStream err;

    private final Path checkout;

    EvaluateCommand(PrintStream out, PrintStream err, Path checkout) {
        this.out = out;
        this.err = err;
        this.checkout = checkout;
    }

    public static void main(String[] args) {
        String root = System.getenv("CURIO_ROOT");
        Path checkout = Path.of((root != null && !root.isBlank()) ? root : "").toAbsolutePath();
        System.exit(new EvaluateCommand(System.out, System.err, checkout).run(args));
    }

    int run(String... args) {
        if (Arrays.asList(args).contains("--help")) {
            this.out.print(EvaluateOptions.USAGE);
            return 0;
        }
        try {
            EvaluateOptions options = EvaluateOptions.parse(Arrays.asList(args), this.checkout);
            EvaluationReport report = evaluate(options);
            this.out.println();
            this.out.print(ResultsTable.of(report.results()));
            report.write(options.out());
            this.out.println("results written to " + options.out());
            return 0;
        }
        catch (InvalidEvaluationInputException | MalformedCsvException ex) {
            this.err.println("curio evaluate: " + ex.getMessage());
            return 2;
        }
        catch (IOException | JacksonException ex) {
            this.err.println("curio evaluate: cannot write the results: " + ex.getMessage());
            return 1;
        }
    }

    private EvaluationReport evaluate(EvaluateOptions options) {
        Trainers trainers = options.trainers();
        this.out.println("loading " + options.dataset());
        EvaluationData data = GoodbooksFolder.read(options.dataset(), options.protocol().toRead());
        HeldOutSplit split = HeldOutSplit.of(data.interactions(), data.lowRatings(), options.protocol());
        this.out.printf("%d readers, %d books, %d positive interactions; %d readers held out%n",
                data.interactions().users(), data.catalogueBooks(), data.interactions().size(), split.readers().size());
        if (split.readers().isEmpty()) {
            throw new InvalidEvaluationInputException("no reader in " + options.dataset() + " has at least "
                    + EvaluationProtocol.MIN_POSITIVES + " ratings of 4 or 5");
        }
        ModelEvaluation evaluation = new ModelEvaluation(SCORING_THREADS);
        ProgressPrinter progress = new ProgressPrinter(this.out);
        List<AlgorithmResult> results = new ArrayList<>();
        for (Algorithm algorithm : options.algorithms()) {
            results.add(evaluation.evaluate(trainers.of(algorithm), split, data.catalogue(), data.catalogueBooks(),
                    progress));
        }
        return new EvaluationReport(options.protocol(), data, split.readers().size(), results);
    }

}
