package io.curio.inference.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import io.curio.events.csv.CsvTable;
import io.curio.inference.evaluation.AlgorithmResult;
import io.curio.inference.evaluation.EvaluationData;
import io.curio.inference.evaluation.EvaluationProgress;
import io.curio.inference.evaluation.EvaluationProtocol;
import io.curio.inference.evaluation.GoodbooksFolder;
import io.curio.inference.evaluation.HeldOutReader;
import io.curio.inference.evaluation.HeldOutSplit;
import io.curio.inference.evaluation.ModelEvaluation;
import io.curio.inference.model.ContentModel;
import io.curio.inference.model.ModelMetadata;
import io.curio.inference.model.ReaderBooks;
import io.curio.inference.model.Signal;
import io.curio.inference.model.SignalWeights;

/**
 * Measures the content model on goodbooks-10k under the offline evaluation protocol (held-out readers, Recall@20,
 * NDCG@20, coverage), for several feature settings and for catalogues serving 5 or more tags per book, beside
 * popularity for scale; then times the scoring of 50-book histories over the whole catalogue.
 * <p>
 * Arguments: {@code dataset-folder output-file [held-out readers, default 2000] [timed requests, default 5000]}.
 */
public final class ContentBenchmark {

    private static final PrintStream OUT = System.out;

    private static final int HISTORY = 50;

    private ContentBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dataset = Path.of(args[0]);
        int users = (args.length > 2) ? Integer.parseInt(args[2]) : 2_000;
        int requests = (args.length > 3) ? Integer.parseInt(args[3]) : 5_000;
        EvaluationData data = GoodbooksFolder.read(dataset, true);
        Map<String, List<String>> tags = tagsByBook(dataset, 50);
        HeldOutSplit split = HeldOutSplit.of(data.interactions(), data.lowRatings(),
                new EvaluationProtocol(users, 42L, true));
        OUT.printf(Locale.ROOT, "%,d readers held out, %,d catalogue books%n", split.readers().size(),
                data.catalogueBooks());
        List<String> rows = new ArrayList<>();
        rows.add(evaluate("popularity", new PopularityTrainer(Duration.ofDays(30)), split,
                data.catalogue()));
        for (int tagCount : new int[] { 5, 20, 50 }) {
            List<BookAttributes> catalogue = withTags(data.catalogue(), tags, tagCount);
            for (ContentTrainer trainer : settings()) {
                rows.add(evaluate("content tags=" + tagCount, trainer, split, catalogue));
            }
        }
        List<BookAttributes> served = withTags(data.catalogue(), tags, 20);
        String cold = coldBooks(ContentTrainer.defaults(), split, served);
        ContentTrainer exact = new ContentTrainer(3f, 1f, 1f, 1f, 50, 0, ContentTrainer.defaults().weights());
        String timing = "[" + timeRequests(ContentTrainer.defaults(), data.interactions(), served, requests) + ","
                + timeRequests(exact, data.interactions(), served, requests) + "]";
        String json = "{\"dataset\":\"" + dataset + "\",\"heldOutReaders\":" + split.readers().size()
                + ",\"evaluations\":[" + String.join(",", rows) + "],\"coldBooks\":" + cold + ",\"requests\":"
                + timing + "}";
        Files.writeString(Path.of(args[1]), json + "\n", StandardCharsets.UTF_8);
    }

    /** The defaults, then each setting changed on its own. */
    private static List<ContentTrainer> settings() {
        ContentTrainer defaults = ContentTrainer.defaults();
        SignalWeights weights = defaults.weights();
        return List.of(defaults, new ContentTrainer(1f, 1f, 1f, 1f, 50, 0.03, weights),
                new ContentTrainer(5f, 1f, 1f, 1f, 50, 0.03, weights),
                new ContentTrainer(3f, 1f, 0f, 0f, 50, 0.03, weights),
                new ContentTrainer(3f, 1f, 1f, 1f, 50, 0, weights),
                new ContentTrainer(3f, 1f, 1f, 1f, 50, 0.03, SignalWeights.STRONG_ONLY),
                new ContentTrainer(3f, 1f, 1f, 1f, 50, 0.03, new SignalWeights(1f, 0.5f)));
    }

    private static String evaluate(String label, Trainer trainer, HeldOutSplit split,
            List<BookAttributes> catalogue) {
        AlgorithmResult result = new ModelEvaluation(2).evaluate(trainer, split, catalogue, catalogue.size(),
                EvaluationProgress.NONE);
        OUT.printf(Locale.ROOT, "%-16s %-90s recall@20 %.4f ndcg@20 %.4f coverage@20 %.3f train %.1f s "
                + "score median %.0f µs p99 %.0f µs%n", label, trainer.parameters(), result.metrics().recall20(),
                result.metrics().ndcg20(), result.metrics().coverage20(), result.trainingSeconds(),
                result.scoring().medianMicros(), result.scoring().p99Micros());
        StringJoiner parameters = new StringJoiner(",", "{", "}");
        trainer.parameters().forEach((name, value) -> parameters.add("\"" + name + "\":\"" + value + "\""));
        return String.format(Locale.ROOT, "{\"label\":\"%s\",\"parameters\":%s,\"recall@20\":%.5f,"
                + "\"ndcg@20\":%.5f,\"recall@50\":%.5f,\"coverage@20\":%.5f,\"trainingSeconds\":%.2f,"
                + "\"rankMedianMicros\":%.1f,\"rankP99Micros\":%.1f}", label, parameters,
                result.metrics().recall20(), result.metrics().ndcg20(), result.metrics().recall50(),
                result.metrics().coverage20(), result.trainingSeconds(), result.scoring().medianMicros(),
                result.scoring().p99Micros());
    }

    /**
     * Recall@20 of books nobody has read: a seeded tenth of the catalogue loses every interaction of the training
     * set and of the readers' input, and each held-out reader with a target among them gets those books ranked.
     */
    private static String coldBooks(ContentTrainer trainer, HeldOutSplit split, List<BookAttributes> catalogue) {
        Random random = new Random(42);
        Set<String> cold = catalogue.stream()
            .map(BookAttributes::bookId)
            .filter((book) -> random.nextInt(10) == 0)
            .collect(Collectors.toSet());
        Interactions training = without(split.training(), cold);
        ContentModel model = trainer.train(new TrainingSet(training, catalogue), new ModelMetadata("content",
                "benchmark", Instant.now(), training.dataFrom(), training.dataTo(), training.eventsRead(),
                training.size(), training.users(), training.books(), trainer.parameters(), 0), (fraction) -> {
                });
        int[] coldBooks = cold.stream().mapToInt(model.books()::indexOf).toArray();
        double recall = 0;
        int readers = 0;
        for (HeldOutReader reader : split.readers()) {
            Set<String> targets = reader.targets().stream().filter(cold::contains).collect(Collectors.toSet());
            if (!targets.isEmpty()) {
                recall += (double) hitsInTop20(model, reader, coldBooks, targets) / Math.min(20, targets.size());
                readers++;
            }
        }
        recall /= Math.max(1, readers);
        OUT.printf(Locale.ROOT, "books nobody read: %,d; %,d readers with such a target; recall@20 among them "
                + "%.4f (a random order: about %.4f)%n", cold.size(), readers, recall, 20.0 / cold.size());
        return String.format(Locale.ROOT, "{\"books\":%d,\"readers\":%d,\"recall@20\":%.5f,"
                + "\"randomRecall@20\":%.5f}", cold.size(), readers, recall, 20.0 / cold.size());
    }

    private static int hitsInTop20(ContentModel model, HeldOutReader reader, int[] candidates, Set<String> targets) {
        List<Integer> input = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < reader.input().size(); i++) {
            int book = model.books().indexOf(reader.input().get(i));
            if (book >= 0) {
                input.add(book);
                signals.add(reader.inputSignals().get(i));
            }
        }
        float[] scores = new float[model.books().size()];
        model.score(new ReaderBooks(input.stream().mapToInt(Integer::intValue).toArray(),
                signals.toArray(Signal[]::new)), scores);
        Set<String> excluded = Set.copyOf(reader.excluded());
        return (int) Arrays.stream(candidates)
            .boxed()
            .filter((book) -> !excluded.contains(model.books().id(book)))
            .sorted(Comparator.comparingDouble((Integer book) -> -scores[book]).thenComparingInt((book) -> book))
            .limit(20)
            .filter((book) -> targets.contains(model.books().id(book)))
            .count();
    }

    /** The interactions without those of the given books. */
    private static Interactions without(Interactions all, Set<String> books) {
        InteractionsBuilder builder = new InteractionsBuilder();
        for (int user = 0; user < all.users(); user++) {
            for (int i = all.userOffsets()[user]; i < all.userOffsets()[user + 1]; i++) {
                String book = all.bookIds()[all.userBooks()[i]];
                if (!books.contains(book)) {
                    builder.addPositive(all.userIds()[user], book, all.firstSecond() + all.userSeconds()[i],
                            all.signalAt(i));
                }
            }
        }
        return builder.build();
    }

    /** Times {@code score} alone for random 50-book histories of books with attributes, after a warm-up. */
    private static String timeRequests(ContentTrainer trainer, Interactions interactions,
            List<BookAttributes> catalogue, int requests) {
        ModelMetadata metadata = new ModelMetadata("content", "benchmark", Instant.now(), interactions.dataFrom(),
                interactions.dataTo(), interactions.eventsRead(), interactions.size(), interactions.users(),
                interactions.books(), trainer.parameters(), 0);
        long started = System.nanoTime();
        ContentModel model = trainer.train(new TrainingSet(interactions, catalogue), metadata, (fraction) -> {
        });
        double trainingSeconds = (System.nanoTime() - started) / 1e9;
        Random random = new Random(7);
        float[] scores = new float[model.books().size()];
        long[] nanos = new long[requests];
        for (int round = -requests; round < requests; round++) {
            ReaderBooks reader = randomHistory(random, catalogue, model);
            Arrays.fill(scores, 0f);
            long start = System.nanoTime();
            model.score(reader, scores);
            if (round >= 0) {
                nanos[round] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double median = nanos[requests / 2] / 1e3;
        double p99 = nanos[(int) (requests * 0.99)] / 1e3;
        OUT.printf(Locale.ROOT, "profile threshold %.2f: score of a %d-book history over %,d books, %,d features: "
                + "median %.0f µs, p99 %.0f µs; trained in %.2f s; %,d bytes held%n", trainer.profileThreshold(),
                HISTORY, model.books().size(),
                model.features(), median, p99, trainingSeconds, model.bytes());
        return String.format(Locale.ROOT, "{\"profileThreshold\":%.2f,\"history\":%d,\"books\":%d,\"features\":%d,"
                + "\"medianMicros\":%.1f,\"p99Micros\":%.1f,\"trainingSeconds\":%.2f,\"bytes\":%d}",
                trainer.profileThreshold(), HISTORY, model.books().size(),
                model.features(), median, p99, trainingSeconds, model.bytes());
    }

    private static ReaderBooks randomHistory(Random random, List<BookAttributes> catalogue, ContentModel model) {
        int[] books = random.ints(0, catalogue.size())
            .distinct()
            .limit(HISTORY)
            .map((i) -> model.books().indexOf(catalogue.get(i).bookId()))
            .toArray();
        Signal[] signals = new Signal[books.length];
        for (int i = 0; i < signals.length; i++) {
            signals[i] = (i % 3 == 0) ? Signal.SAVED : Signal.STRONG;
        }
        return new ReaderBooks(books, signals);
    }

    private static List<BookAttributes> withTags(List<BookAttributes> catalogue, Map<String, List<String>> tags,
            int count) {
        return catalogue.stream()
            .map((book) -> {
                List<String> own = tags.getOrDefault(book.bookId(), List.of());
                return new BookAttributes(book.bookId(), book.authors(), own.subList(0, Math.min(count, own.size())),
                        book.language(), book.year());
            })
            .toList();
    }

    /** Per book id, up to {@code limit} tag names, the most used first, joined through the Goodreads book id. */
    private static Map<String, List<String>> tagsByBook(Path dataset, int limit) {
        Map<String, String> names = new HashMap<>();
        try (CsvTable table = CsvTable.open(dataset.resolve("tags.csv.gz"))) {
            int id = table.column("tag_id");
            int name = table.column("tag_name");
            while (table.next()) {
                names.put(table.id(id), table.text(name));
            }
        }
        Map<String, String> bookByGoodreads = new HashMap<>();
        try (CsvTable table = CsvTable.open(dataset.resolve("books.csv.gz"))) {
            int id = table.column("book_id");
            int goodreads = table.column("goodreads_book_id");
            while (table.next()) {
                bookByGoodreads.put(table.id(goodreads), table.id(id));
            }
        }
        Map<String, List<long[]>> uses = new HashMap<>();
        try (CsvTable table = CsvTable.open(dataset.resolve("book_tags.csv.gz"))) {
            int book = table.column("goodreads_book_id");
            int tag = table.column("tag_id");
            int count = table.column("count");
            while (table.next()) {
                uses.computeIfAbsent(bookByGoodreads.get(table.id(book)), (key) -> new ArrayList<>())
                    .add(new long[] { Long.parseLong(table.id(tag)), table.integer(count) });
            }
        }
        Map<String, List<String>> tags = new HashMap<>();
        uses.forEach((book, used) -> tags.put(book, used.stream()
            .sorted(Comparator.comparingLong((long[] use) -> -use[1]))
            .map((use) -> names.get(Long.toString(use[0])))
            .distinct()
            .limit(limit)
            .toList()));
        return tags;
    }

}
