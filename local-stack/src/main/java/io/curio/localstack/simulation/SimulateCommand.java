package io.curio.localstack.simulation;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.curio.localstack.dataset.HeldBackFile;
import io.curio.localstack.stack.RunningStack;
import io.curio.localstack.stack.Service;
import io.curio.localstack.stack.StackException;
import io.curio.localstack.token.TokenMinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code curio simulate}: plays the simulation readers against the running stack's gateway, then reads, prints and
 * saves the experiment's results beside the readers' own counts.
 */
public final class SimulateCommand {

    static final String ADMIN_SCOPE = "experiments:admin";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How long the stream may take to deliver the last clicks to the experiment's counts. */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);

    private static final Duration SETTLE_POLL = Duration.ofSeconds(3);

    private final Path root;

    private final PrintStream out;

    private final Clock clock;

    public SimulateCommand(Path root, PrintStream out, Clock clock) {
        this.root = root;
        this.out = out;
        this.clock = clock;
    }

    public void run(List<String> args) throws InterruptedException {
        SimulateOptions options = SimulateOptions.parse(args, this.root);
        RunningStack stack = open(this.root, options);
        List<SimulatedReader> readers = readers(options);
        String gateway = stack.url(Service.GATEWAY, "");
        ResultsPage page = new ResultsPage(gateway, options.experiment(),
                stack.token("curio-simulate", "premium", ADMIN_SCOPE));
        page.json();
        this.out.printf(Locale.ROOT, "simulate: %,d readers for %d min at up to %d lists/s through %s, seed %d%n",
                readers.size(), options.minutes(), options.rate(), gateway, options.seed());
        ReaderVisits visits = new ReaderVisits(gateway, options.experiment(), TokenMinter.fromEnvironment(),
                ClickModel.DEFAULT.withClick(options.click()), this.clock);
        Duration length = Duration.ofMinutes(options.minutes());
        SimulationTally.Counts counts = new SimulationRun(visits, readers, this.out).run(length, options.rate(),
                options.seed());
        this.out.println(SimulationRun.progressLine(length, counts));
        report(options, page, settledResults(page), counts, readers.size());
    }

    private static RunningStack open(Path root, SimulateOptions options) {
        try {
            return RunningStack.open(root, options.home());
        }
        catch (StackException ex) {
            throw new SimulationUnavailableException(ex.getMessage());
        }
    }

    private static List<SimulatedReader> readers(SimulateOptions options) {
        Path file = options.home().heldBackFuture();
        if (!Files.isRegularFile(file)) {
            throw new SimulationUnavailableException("no held-back future in " + file + ": this stack was imported "
                    + "without one; start afresh with ./curio down --wipe --home " + options.home().root()
                    + " and ./curio up");
        }
        List<SimulatedReader> readers = SimulatedReaders.choose(HeldBackFile.read(file), options.users(),
                options.seed());
        if (readers.isEmpty()) {
            throw new SimulationUnavailableException("the held-back future in " + file + " has no liked book");
        }
        return readers;
    }

    /** Reads the results until the counts stop growing between two reads, or {@link #SETTLE_LIMIT} has passed. */
    private JsonNode settledResults(ResultsPage page) throws InterruptedException {
        this.out.println("waiting for the stream to deliver the last clicks (up to " + SETTLE_LIMIT.toSeconds()
                + " s)");
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        JsonNode results = JSON.readTree(page.json());
        long seen = -1;
        while (measured(results) != seen && System.nanoTime() < deadline) {
            seen = measured(results);
            Thread.sleep(SETTLE_POLL.toMillis());
            results = JSON.readTree(page.json());
        }
        return results;
    }

    private static long measured(JsonNode results) {
        long sum = 0;
        for (JsonNode variant : results.path("variants")) {
            sum += variant.path("impressions").asLong() + variant.path("clicks").asLong();
        }
        return sum;
    }

    private void report(SimulateOptions options, ResultsPage page, JsonNode results, SimulationTally.Counts counts,
            int readers) {
        List<Verdict.Arm> arms = Verdict.arms(results);
        Map<String, Double> recall = page.offlineRecall();
        Verdict verdict = Verdict.of(arms, recall);
        new ResultsSummary(this.out).print(results, arms, recall, verdict);
        Path folder = options.home().simulation();
        ResultsPage.save(folder.resolve("results.json"), results.toPrettyString() + "\n");
        Optional<String> html = page.html();
        html.ifPresent((content) -> ResultsPage.save(folder.resolve("results.html"), content));
        Path summary = folder.resolve("summary.json");
        ResultsPage.save(summary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                summaryDocument(options, counts, readers, verdict, recall)) + "\n");
        this.out.println("results: " + folder.resolve("results.json")
                + html.map((content) -> ", page " + folder.resolve("results.html")).orElse(", no HTML page served")
                + ", run summary " + summary);
        this.out.println("the page: curl -s -H \"Authorization: Bearer $(./curio token operator --scope "
                + ADMIN_SCOPE + ")\" -H 'Accept: text/html' " + page.resultsUrl() + " > results.html");
    }

    private static Map<String, Object> summaryDocument(SimulateOptions options, SimulationTally.Counts counts,
            int readers, Verdict verdict, Map<String, Double> recall) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("experiment", options.experiment());
        document.put("readers", readers);
        document.put("minutes", options.minutes());
        document.put("rate", options.rate());
        document.put("seed", options.seed());
        document.put("clickModel", ClickModel.DEFAULT.withClick(options.click()));
        document.put("client", counts);
        document.put("winner", verdict.winner());
        document.put("offlineBest", verdict.offlineBest());
        document.put("agreesWithOffline", verdict.agrees());
        document.put("offlineRecallAt20", recall);
        return document;
    }

}
