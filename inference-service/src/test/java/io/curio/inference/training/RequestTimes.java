package io.curio.inference.training;

import java.util.Arrays;
import java.util.List;

import io.curio.inference.model.RecommendationModel;
import io.curio.inference.recommendation.Ranking;
import io.curio.inference.recommendation.ScoredBook;
import io.curio.inference.recommendation.UserHistory;

/**
 * Wall-clock time of {@link Ranking#rank} for one history length: a reader's books looked up, every book scored,
 * the reader's consumed books dropped, the best ones kept and the list filled from popularity.
 *
 * @param historyLength books in each request's history
 * @param requests requests timed
 * @param p50Micros the median, in microseconds
 * @param p99Micros the 99th percentile (nearest rank), in microseconds
 * @param maxMicros the slowest request, in microseconds
 * @param shortLists requests that got fewer books than asked for
 */
record RequestTimes(int historyLength, int requests, double p50Micros, double p99Micros, double maxMicros,
        int shortLists) {

    /** Ranks {@code requests} lists of {@code limit} books, cycling through the histories, one at a time. */
    static RequestTimes measure(Ranking ranking, RecommendationModel model, ReaderHistories histories,
            int requests, int limit) {
        List<UserHistory> readers = histories.histories();
        long[] nanos = new long[requests];
        int shortLists = 0;
        for (int request = 0; request < requests; request++) {
            UserHistory history = readers.get(request % readers.size());
            long started = System.nanoTime();
            List<ScoredBook> list = ranking.rank(model, model.popular(), history, limit);
            nanos[request] = System.nanoTime() - started;
            shortLists += (list.size() < limit) ? 1 : 0;
        }
        Arrays.sort(nanos);
        return new RequestTimes(histories.length(), requests, percentile(nanos, 0.5), percentile(nanos, 0.99),
                nanos[requests - 1] / 1e3, shortLists);
    }

    private static double percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1e3;
    }

}
