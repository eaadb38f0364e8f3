package io.curio.inference.evaluation;

import java.util.BitSet;

/**
 * Sums the quality of ranked lists, one list per held-out reader. Relevance is binary: a book is a hit when it is
 * one of the reader's targets. Not thread-safe: each scoring thread keeps its own and they are merged.
 */
final class RankingMetrics {

    private final BitSet listedInTop20 = new BitSet();

    private double recall20;

    private double ndcg20;

    private double recall50;

    private double ndcg100;

    private int readers;

    /**
     * Adds one reader's list.
     *
     * @param books the ranked book indexes, best first
     * @param hits whether the book at each rank is a target, as long as {@code books}
     * @param targets how many targets the reader has, listed or not
     */
    void add(int[] books, boolean[] hits, int targets) {
        this.recall20 += recall(hits, targets, 20);
        this.ndcg20 += ndcg(hits, targets, 20);
        this.recall50 += recall(hits, targets, 50);
        this.ndcg100 += ndcg(hits, targets, 100);
        for (int rank = 0; rank < Math.min(20, books.length); rank++) {
            this.listedInTop20.set(books[rank]);
        }
        this.readers++;
    }

    void addAll(RankingMetrics other) {
        this.recall20 += other.recall20;
        this.ndcg20 += other.ndcg20;
        this.recall50 += other.recall50;
        this.ndcg100 += other.ndcg100;
        this.listedInTop20.or(other.listedInTop20);
        this.readers += other.readers;
    }

    /** The means over the readers added, coverage over a catalogue of {@code catalogueBooks}. */
    Metrics result(int catalogueBooks) {
        int readers = Math.max(this.readers, 1);
        double coverage = (catalogueBooks > 0) ? (double) this.listedInTop20.cardinality() / catalogueBooks : 0;
        return new Metrics(this.recall20 / readers, this.ndcg20 / readers, this.recall50 / readers,
                this.ndcg100 / readers, coverage, this.readers);
    }

    /** Hits among the first {@code k} ranks over {@code min(k, targets)}. */
    static double recall(boolean[] hits, int targets, int k) {
        int found = 0;
        for (int rank = 0; rank < Math.min(k, hits.length); rank++) {
            found += hits[rank] ? 1 : 0;
        }
        return (double) found / Math.min(k, targets);
    }

    /** DCG of the first {@code k} ranks over the ideal DCG of {@code min(k, targets)} hits at the top. */
    static double ndcg(boolean[] hits, int targets, int k) {
        double dcg = 0;
        for (int rank = 0; rank < Math.min(k, hits.length); rank++) {
            dcg += hits[rank] ? discount(rank) : 0;
        }
        double ideal = 0;
        for (int rank = 0; rank < Math.min(k, targets); rank++) {
            ideal += discount(rank);
        }
        return dcg / ideal;
    }

    /** {@code 1 / log2(rank + 2)} for a 0-based rank. */
    private static double discount(int rank) {
        return Math.log(2) / Math.log(rank + 2);
    }

}
