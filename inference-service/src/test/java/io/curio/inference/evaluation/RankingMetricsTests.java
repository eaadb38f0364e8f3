package io.curio.inference.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTests {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    @Test
    void recallDividesHitsByTheTargetsThatFitInTheCutoff() {
        boolean[] hits = hitsAt(25, 1, 3, 21);

        assertThat(RankingMetrics.recall(hits, 4, 20)).isEqualTo(0.5);
        assertThat(RankingMetrics.recall(hits, 4, 50)).isEqualTo(0.75);
        assertThat(RankingMetrics.recall(hitsAt(25, 0, 1, 2), 30, 20)).isEqualTo(3.0 / 20);
    }

    @Test
    void ndcgDiscountsHitsByRankAgainstTheIdealOrder() {
        boolean[] hits = hitsAt(20, 1, 3);

        double dcg = 1 / LOG2_3 + 1 / LOG2_5;
        double ideal = 1 + 1 / LOG2_3;
        assertThat(RankingMetrics.ndcg(hits, 2, 20)).isCloseTo(dcg / ideal, within(1e-12));
        assertThat(RankingMetrics.ndcg(hitsAt(20, 0, 1), 2, 20)).isCloseTo(1, within(1e-12));
    }

    @Test
    void ndcgIdealCountsAtMostTheCutoff() {
        boolean[] hits = hitsAt(3, 0);

        assertThat(RankingMetrics.ndcg(hits, 1, 1)).isEqualTo(1);
        assertThat(RankingMetrics.ndcg(hitsAt(3, 1), 5, 1)).isZero();
    }

    @Test
    void listWithoutHitsScoresZero() {
        boolean[] hits = new boolean[100];

        assertThat(RankingMetrics.recall(hits, 3, 50)).isZero();
        assertThat(RankingMetrics.ndcg(hits, 3, 100)).isZero();
    }

    @Test
    void averagesOverReadersAndCountsDistinctBooksInTopTwentyForCoverage() {
        RankingMetrics first = new RankingMetrics();
        first.add(new int[] { 0, 1, 2 }, hitsAt(3, 0), 1);
        RankingMetrics second = new RankingMetrics();
        second.add(new int[] { 2, 3, 4 }, hitsAt(3), 1);

        first.addAll(second);
        Metrics metrics = first.result(10);

        assertThat(metrics.readers()).isEqualTo(2);
        assertThat(metrics.recall20()).isEqualTo(0.5);
        assertThat(metrics.ndcg20()).isEqualTo(0.5);
        assertThat(metrics.coverage20()).isEqualTo(0.5);
        assertThat(metrics.asMap()).containsOnlyKeys("recall@20", "ndcg@20", "recall@50", "ndcg@100", "coverage@20");
    }

    @Test
    void coverageLooksOnlyAtTheFirstTwentyRanks() {
        int[] books = new int[30];
        for (int rank = 0; rank < books.length; rank++) {
            books[rank] = rank;
        }
        RankingMetrics metrics = new RankingMetrics();
        metrics.add(books, new boolean[30], 1);

        assertThat(metrics.result(100).coverage20()).isEqualTo(0.2);
    }

    private static boolean[] hitsAt(int length, int... ranks) {
        boolean[] hits = new boolean[length];
        for (int rank : ranks) {
            hits[rank] = true;
        }
        return hits;
    }

}
