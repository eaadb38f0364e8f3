package io.curio.inference.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelSpecTests {

    @Test
    void readsAnAlgorithmAsItsNewestVersion() {
        assertThat(ModelSpec.parse("item-neighbours")).contains(new ModelSpec(Algorithm.ITEM_NEIGHBOURS, null));
    }

    @Test
    void readsAPinnedVersion() {
        assertThat(ModelSpec.parse("popularity@2026-12-04T10-00-00Z"))
            .contains(new ModelSpec(Algorithm.POPULARITY, "2026-12-04T10-00-00Z"));
    }

    @Test
    void rejectsAnUnknownAlgorithmOrAMalformedVersion() {
        assertThat(ModelSpec.parse("word2vec")).isEmpty();
        assertThat(ModelSpec.parse("popularity@../../secrets")).isEmpty();
        assertThat(ModelSpec.parse(null)).isEmpty();
    }

}
