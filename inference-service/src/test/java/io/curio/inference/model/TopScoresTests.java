package io.curio.inference.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopScoresTests {

    @Test
    void keepsTheBestScoresBestFirst() {
        TopScores top = new TopScores(3);
        float[] offered = { 0.1f, 0.9f, 0.5f, 0.7f, 0.2f, 0.8f };
        for (int i = 0; i < offered.length; i++) {
            top.offer(i, offered[i]);
        }
        int[] indexes = new int[3];
        float[] scores = new float[3];

        int count = top.drainBestFirst(indexes, scores);

        assertThat(count).isEqualTo(3);
        assertThat(indexes).containsExactly(1, 5, 3);
        assertThat(scores).containsExactly(0.9f, 0.8f, 0.7f);
        assertThat(top.size()).isZero();
    }

    @Test
    void prefersTheLowerIndexOnEqualScores() {
        TopScores top = new TopScores(2);
        top.offer(7, 1f);
        top.offer(3, 1f);
        top.offer(5, 1f);
        int[] indexes = new int[2];

        top.drainBestFirst(indexes, new float[2]);

        assertThat(indexes).containsExactly(3, 5);
    }

}
