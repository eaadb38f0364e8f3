package io.curio.inference.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluateCommandTests {

    private static final String BOOKS_HEADER = "book_id,goodreads_book_id,authors,original_publication_year,"
            + "language_code\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path folder;

    @Test
    void evaluatesPopularityAndNeighboursOnTheSmallDataset() {
        Path results = this.folder.resolve("results/evaluation.json");

        int exit = run("--dataset", SmallDataset.folder().toString(), "--algorithms", "popularity,item-neighbours",
                "--out", results.toString());

        assertThat(exit).isZero();
        assertThat(output()).contains("| algorithm | Recall@20 | NDCG@20 | Recall@50 | NDCG@100 | Coverage@20 |")
            .contains("| popularity | 0.").contains("| item-neighbours | 0.")
            .contains("item-neighbours  scoring  100 %");
        JsonNode json = JsonMapper.builder().build().readTree(results.toFile());
        assertThat(json.at("/protocol/seed").asLong()).isEqualTo(42);
        assertThat(json.at("/protocol/usersHeldOut").asInt()).isBetween(1000, 2000);
        assertThat(json.at("/dataset/catalogueBooks").asInt()).isEqualTo(10_000);
        JsonNode popularity = json.at("/results/0");
        JsonNode neighbours = json.at("/results/1");
        assertThat(neighbours.at("/algorithm").asString()).isEqualTo("item-neighbours");
        assertThat(neighbours.at("/readersRanked").asInt()).isEqualTo(json.at("/protocol/usersHeldOut").asInt());
        assertThat(neighbours.at("/metrics/recall@50").asDouble())
            .isGreaterThan(neighbours.at("/metrics/recall@20").asDouble());
        assertThat(neighbours.at("/metrics/coverage@20").asDouble())
            .isGreaterThan(popularity.at("/metrics/coverage@20").asDouble());
        assertThat(neighbours.at("/metrics/recall@20").asDouble()).isBetween(0.04, 1.0);
        assertThat(popularity.at("/metrics/ndcg@100").asDouble()).isBetween(0.0, 1.0);
        assertThat(neighbours.at("/modelBytes").asLong()).isPositive();
        assertThat(neighbours.at("/scoringMicrosP99").asDouble())
            .isGreaterThanOrEqualTo(neighbours.at("/scoringMicrosP50").asDouble());
    }

    @Test
    void refusesAMissingDatasetFolder() {
        int exit = run("--dataset", this.folder.resolve("nowhere").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(error()).startsWith("curio evaluate: no dataset folder at ").doesNotContain("\tat ");
    }

    @Test
    void refusesAFolderWithoutRatings() throws IOException {
        Files.writeString(this.folder.resolve("books.csv"), BOOKS_HEADER);

        int exit = run("--dataset", this.folder.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(error()).isEqualTo("curio evaluate: no ratings*.csv[.gz] in " + this.folder);
    }

    @Test
    void refusesAMalformedRowNamingFileAndLine() throws IOException {
        writeDataset("book_id,user_id,rating\n1,7,5\n2,7,five\n");

        int exit = run("--dataset", this.folder.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(error()).isEqualTo("curio evaluate: " + this.folder.resolve("ratings.csv")
                + ", line 3: rating is not a valid number: 'five'");
    }

    @Test
    void refusesARatingOutsideOneToFive() throws IOException {
        writeDataset("book_id,user_id,rating\n1,7,9\n");

        assertThat(run("--dataset", this.folder.toString())).isEqualTo(2);
        assertThat(error()).endsWith("ratings.csv, line 2: rating must be 1..5, not 9");
    }

    @Test
    void refusesADatasetWhereNoReaderHasEnoughPositives() throws IOException {
        writeDataset("book_id,user_id,rating\n1,7,5\n2,7,4\n");

        assertThat(run("--dataset", this.folder.toString(), "--algorithms", "popularity")).isEqualTo(2);
        assertThat(error()).contains("has at least 5 ratings of 4 or 5");
    }

    @Test
    void needsNoToReadFileWhenToReadMarksAreLeftOut() throws IOException {
        writeDataset("book_id,user_id,rating\n1,7,5\n2,7,4\n3,7,5\n4,7,4\n5,7,5\n6,7,2\n1,8,4\n3,8,5\n");
        Files.delete(this.folder.resolve("to_read.csv"));

        int withMarks = run("--dataset", this.folder.toString(), "--algorithms", "popularity");
        int withoutMarks = run("--dataset", this.folder.toString(), "--algorithms", "popularity", "--no-to-read",
                "--out", this.folder.resolve("out.json").toString());

        assertThat(withMarks).isEqualTo(2);
        assertThat(error()).isEqualTo("curio evaluate: no to_read*.csv[.gz] in " + this.folder);
        assertThat(withoutMarks).isZero();
        assertThat(output()).contains("1 readers held out").contains("| popularity | ");
        assertThat(this.folder.resolve("out.json")).content().contains("\"toRead\" : \"not used\"");
    }

    @Test
    void refusesUnknownAlgorithmsOptionsAndNumbers() throws IOException {
        writeDataset("book_id,user_id,rating\n");
        String dataset = this.folder.toString();

        assertThat(run("--dataset", dataset, "--algorithms", "popularity,magic")).isEqualTo(2);
        assertThat(run("--dataset", dataset, "--users", "0")).isEqualTo(2);
        assertThat(run("--dataset", dataset, "--seed", "forty-two")).isEqualTo(2);
        assertThat(run("--dataset", dataset, "--verbose")).isEqualTo(2);
        assertThat(run("--dataset")).isEqualTo(2);
        assertThat(error().split("\n")).containsExactly(
                "curio evaluate: unknown algorithm 'magic'; known: popularity,item-neighbours,als,ease,content,blend",
                "curio evaluate: --users must be a positive whole number, not '0'",
                "curio evaluate: --seed must be a whole number, not 'forty-two'",
                "curio evaluate: unknown option '--verbose'; see --help",
                "curio evaluate: --dataset needs a value");
        assertThat(output()).isEmpty();
    }

    @Test
    void refusesSettingsThatAreUnknownMalformedOrOutOfRangeBeforeLoadingAnything() throws IOException {
        writeDataset("book_id,user_id,rating\n");
        String dataset = this.folder.toString();

        assertThat(run("--dataset", dataset, "--set", "curio.inference.nope=1")).isEqualTo(2);
        assertThat(run("--dataset", dataset, "--set", "curio.inference.ease.lambda=abc")).isEqualTo(2);
        assertThat(run("--dataset", dataset, "--set", "curio.inference.ease.max-items=999999")).isEqualTo(2);
        assertThat(run("--dataset", dataset, "--set", "curio.inference.blend.collaborative=content",
                "--algorithms", "blend")).isEqualTo(2);
        assertThat(run("--dataset", dataset, "--set", "lambda")).isEqualTo(2);
        String[] errors = error().split("\n");
        assertThat(errors).hasSize(5).allSatisfy((line) -> assertThat(line).startsWith("curio evaluate: "));
        assertThat(errors[0]).contains("not a setting").contains("curio.inference.nope");
        assertThat(errors[1]).contains("curio.inference.ease.lambda").contains("abc");
        assertThat(errors[2]).contains("ease.maxItems").contains("20000");
        assertThat(errors[3]).contains("item-neighbours, not content");
        assertThat(errors[4]).contains("--set takes curio.inference.KEY=VALUE");
        assertThat(output()).doesNotContain("loading");
    }

    @Test
    void printsUsageOnHelp() {
        assertThat(run("--help")).isZero();
        assertThat(output()).startsWith("usage: ./curio evaluate [--dataset DIR]");
    }

    private void writeDataset(String ratings) throws IOException {
        Files.writeString(this.folder.resolve("ratings.csv"), ratings);
        Files.writeString(this.folder.resolve("to_read.csv"), "user_id,book_id\n");
        Files.writeString(this.folder.resolve("books.csv"), BOOKS_HEADER + "1,11,Ann Author,2001.0,eng\n");
    }

    private int run(String... args) {
        PrintStream stdout = new PrintStream(this.out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(this.err, true, StandardCharsets.UTF_8);
        return new EvaluateCommand(stdout, stderr, this.folder).run(args);
    }

    private String output() {
        return this.out.toString(StandardCharsets.UTF_8);
    }

    private String error() {
        return this.err.toString(StandardCharsets.UTF_8).strip();
    }

}
