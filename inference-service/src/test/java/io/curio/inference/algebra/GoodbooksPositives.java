package io.curio.inference.algebra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The positive interactions of goodbooks-10k as index triples: ratings of 4 or 5 from {@code ratings-v1.csv.gz}
 * ({@code book_id,user_id,rating}) and every mark of {@code to_read-v1.csv.gz} ({@code user_id,book_id}), each
 * with weight 1. Ids start at 1; index = id − 1.
 */
record GoodbooksPositives(int users, int items, int[] userIndexes, int[] itemIndexes) {

    static GoodbooksPositives read(Path folder) throws IOException {
        Triples triples = new Triples();
        readCsv(folder.resolve("ratings-v1.csv.gz"), (fields) -> {
            if (fields[2] >= 4) {
                triples.add(fields[1] - 1, fields[0] - 1);
            }
        });
        readCsv(folder.resolve("to_read-v1.csv.gz"), (fields) -> triples.add(fields[0] - 1, fields[1] - 1));
        return triples.positives();
    }

    private static void readCsv(Path file, RowConsumer consumer) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            reader.readLine();
            int[] fields = new int[3];
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                parseInts(line, fields);
                consumer.accept(fields);
            }
        }
    }

    private static void parseInts(String line, int[] fields) {
        Arrays.fill(fields, 0);
        int field = 0;
        for (int c = 0; c < line.length() && field < fields.length; c++) {
            char ch = line.charAt(c);
            if (ch == ',') {
                field++;
            }
            else {
                fields[field] = fields[field] * 10 + (ch - '0');
            }
        }
    }

    private interface RowConsumer {

        void accept(int[] fields);

    }

    private static final class Triples {

        private int[] users = new int[1 << 21];

        private int[] items = new int[1 << 21];

        private int size;

        void add(int user, int item) {
            if (this.size == this.users.length) {
                this.users = Arrays.copyOf(this.users, this.size * 2);
                this.items = Arrays.copyOf(this.items, this.size * 2);
            }
            this.users[this.size] = user;
            this.items[this.size++] = item;
        }

        GoodbooksPositives positives() {
            int[] u = Arrays.copyOf(this.users, this.size);
            int[] i = Arrays.copyOf(this.items, this.size);
            return new GoodbooksPositives(Arrays.stream(u).max().orElse(0) + 1, Arrays.stream(i).max().orElse(0) + 1,
                    u, i);
        }

    }

}
