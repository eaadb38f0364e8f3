package io.curio.inference.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

import io.curio.inference.model.TopScores;

/**
 * Item-to-item cosine similarity on the binary reader x book matrix with shrinkage,
 * {@code co / (sqrt(n_i * n_j) + shrink)}, keeping the best {@code k} neighbours per book. Each book's
 * co-occurrence counts are gathered in a dense per-thread accumulator; threads take books one at a time.
 */
public final class NeighbourTraining {

    private final double shrink;

    private final int k;

    private final int threads;

    public NeighbourTraining(double shrink, int k, int threads) {
        if (shrink < 0 || k < 1 || threads < 1) {
            throw new IllegalArgumentException("invalid neighbour parameters: shrink " + shrink + ", k " + k
                    + ", threads " + threads);
        }
        this.shrink = shrink;
        this.k = k;
        this.threads = threads;
    }

    /**
     * The neighbours of every book, best first.
     *
     * @param progress told the fraction of books done, from any thread
     */
    public Neighbours compute(Interactions interactions, DoubleConsumer progress) {
        int books = interactions.books();
        int[][] neighbours = new int[books][];
        float[][] similarities = new float[books][];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable worker = () -> {
            Accumulator accumulator = new Accumulator(interactions);
            for (int book = next.getAndIncrement(); book < books; book = next.getAndIncrement()) {
                accumulator.neighboursOf(book, neighbours, similarities);
                reportEvery(done.incrementAndGet(), books, progress);
            }
        };
        runOnThreads(worker);
        return Neighbours.flatten(neighbours, similarities);
    }

    private static void reportEvery(int done, int total, DoubleConsumer progress) {
        if (done % 256 == 0 || done == total) {
            progress.accept((double) done / total);
        }
    }

    private void runOnThreads(Runnable worker) {
        ExecutorService pool = Executors.newFixedThreadPool(this.threads, (runnable) -> {
            Thread thread = new Thread(runnable, "neighbour-training");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < this.threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("neighbour training interrupted", ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("neighbour training failed", ex.getCause());
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** One thread's dense co-occurrence counts and the list of books they touched. */
    private final class Accumulator {

        private final Interactions interactions;

        private final int[] counts;

        private final int[] touched;

        private final TopScores top;

        private final int[] bestIndexes;

        private final float[] bestScores;

        Accumulator(Interactions interactions) {
            this.interactions = interactions;
            this.counts = new int[interactions.books()];
            this.touched = new int[interactions.books()];
            this.top = new TopScores(NeighbourTraining.this.k);
            this.bestIndexes = new int[NeighbourTraining.this.k];
            this.bestScores = new float[NeighbourTraining.this.k];
        }

        void neighboursOf(int book, int[][] neighbours, float[][] similarities) {
            int touchedCount = countCoReaders(book);
            double readers = this.interactions.readersOf(book);
            for (int t = 0; t < touchedCount; t++) {
                int other = this.touched[t];
                if (other != book) {
                    double norm = Math.sqrt(readers * this.interactions.readersOf(other));
                    this.top.offer(other, (float) (this.counts[other] / (norm + NeighbourTraining.this.shrink)));
                }
                this.counts[other] = 0;
            }
            int kept = this.top.drainBestFirst(this.bestIndexes, this.bestScores);
            neighbours[book] = Arrays.copyOf(this.bestIndexes, kept);
            similarities[book] = Arrays.copyOf(this.bestScores, kept);
        }

        private int countCoReaders(int book) {
            int[] bookOffsets = this.interactions.bookOffsets();
            int[] bookUsers = this.interactions.bookUsers();
            int[] userOffsets = this.interactions.userOffsets();
            int[] userBooks = this.interactions.userBooks();
            int touchedCount = 0;
            for (int u = bookOffsets[book]; u < bookOffsets[book + 1]; u++) {
                int user = bookUsers[u];
                for (int b = userOffsets[user]; b < userOffsets[user + 1]; b++) {
                    int other = userBooks[b];
                    if (this.counts[other]++ == 0) {
                        this.touched[touchedCount++] = other;
                    }
                }
            }
            return touchedCount;
        }

    }

    /**
     * Neighbours in a CSR layout.
     *
     * @param offsets start of each book's neighbours; one more entry than books
     * @param neighbours neighbour book indexes, best first within a book
     * @param similarities the similarity of each neighbour
     */
    public record Neighbours(int[] offsets, int[] neighbours, float[] similarities) {

        static Neighbours flatten(int[][] neighbours, float[][] similarities) {
            int[] offsets = new int[neighbours.length + 1];
            for (int book = 0; book < neighbours.length; book++) {
                offsets[book + 1] = offsets[book] + neighbours[book].length;
            }
            int[] flatNeighbours = new int[offsets[neighbours.length]];
            float[] flatSimilarities = new float[offsets[neighbours.length]];
            for (int book = 0; book < neighbours.length; book++) {
                System.arraycopy(neighbours[book], 0, flatNeighbours, offsets[book], neighbours[book].length);
                System.arraycopy(similarities[book], 0, flatSimilarities, offsets[book], similarities[book].length);
            }
            return new Neighbours(offsets, flatNeighbours, flatSimilarities);
        }

    }

}
