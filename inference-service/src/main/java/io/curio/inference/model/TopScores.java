package io.curio.inference.model;

/**
 * The {@code capacity} best (index, score) pairs offered, kept in a primitive min-heap. On equal scores
 * the lower index wins, so results are deterministic. Not thread-safe; {@link #clear()} makes it reusable.
 */
public final class TopScores {

    private final int[] indexes;

    private final float[] scores;

    private int size;

    public TopScores(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        this.indexes = new int[capacity];
        this.scores = new float[capacity];
    }

    public void offer(int index, float score) {
        if (this.size < this.indexes.length) {
            this.indexes[this.size] = index;
            this.scores[this.size] = score;
            siftUp(this.size++);
        }
        else if (better(index, score, this.indexes[0], this.scores[0])) {
            this.indexes[0] = index;
            this.scores[0] = score;
            siftDown(0);
        }
    }

    public int size() {
        return this.size;
    }

    public void clear() {
        this.size = 0;
    }

    /**
     * Empties the heap into the arrays, best first, and returns how many were written.
     */
    public int drainBestFirst(int[] indexesOut, float[] scoresOut) {
        int count = this.size;
        for (int position = count - 1; position >= 0; position--) {
            indexesOut[position] = this.indexes[0];
            scoresOut[position] = this.scores[0];
            this.size--;
            this.indexes[0] = this.indexes[this.size];
            this.scores[0] = this.scores[this.size];
            siftDown(0);
        }
        return count;
    }

    private static boolean better(int index, float score, int otherIndex, float otherScore) {
        return score > otherScore || (score == otherScore && index < otherIndex);
    }

    private void siftUp(int position) {
        while (position > 0) {
            int parent = (position - 1) / 2;
            if (!better(this.indexes[parent], this.scores[parent], this.indexes[position], this.scores[position])) {
                return;
            }
            swap(position, parent);
            position = parent;
        }
    }

    private void siftDown(int position) {
        while (true) {
            int worst = position;
            for (int child = 2 * position + 1; child <= 2 * position + 2 && child < this.size; child++) {
                if (better(this.indexes[worst], this.scores[worst], this.indexes[child], this.scores[child])) {
                    worst = child;
                }
            }
            if (worst == position) {
                return;
            }
            swap(position, worst);
            position = worst;
        }
    }

    private void swap(int a, int b) {
        int index = this.indexes[a];
        float score = this.scores[a];
        this.indexes[a] = this.indexes[b];
        this.scores[a] = this.scores[b];
        this.indexes[b] = index;
        this.scores[b] = score;
    }

}
