package io.curio.inference.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelFormatTests {

    @Test
    void readsBackTheNeighboursItWrote() throws IOException {
        NeighbourModel written = Models.neighbours("2026-12-04T10-00-00Z");

        RecommendationModel read = roundTrip(written);

        assertThat(read).isInstanceOf(NeighbourModel.class);
        NeighbourModel neighbours = (NeighbourModel) read;
        assertThat(neighbours.books().ids()).containsExactly("a", "b", "c", "d", "e");
        assertThat(neighbours.readers(2)).isEqualTo(3);
        assertThat(neighbours.neighbourEnd(0) - neighbours.neighbourStart(0)).isEqualTo(2);
        assertThat(neighbours.neighbourAt(1)).isEqualTo(2);
        assertThat(neighbours.similarityAt(1)).isEqualTo(0.5f);
    }

    @Test
    void readsBackThePopularityItWrote() throws IOException {
        PopularityModel written = Models.popularity("v", new String[] { "x", "y" }, new float[] { 1.5f, 2.5f });

        PopularityModel read = (PopularityModel) roundTrip(written);

        assertThat(read.score(1)).isEqualTo(2.5f);
        assertThat(read.popular().bookAt(0)).isEqualTo("y");
    }

    @Test
    void refusesAnArtifactWithoutTheMagicBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("NOTAMODEL-AT-ALL".getBytes());
        }
        ModelMetadata metadata = Models.metadata(Algorithm.POPULARITY, "v");

        assertThatExceptionOfType(InvalidModelException.class)
            .isThrownBy(() -> ModelFormat.read(metadata, new ByteArrayInputStream(bytes.toByteArray())))
            .withMessageContaining("magic");
    }

    @Test
    void refusesAnArtifactWhoseAlgorithmDiffersFromItsMetadata() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFormat.write(Models.neighbours("v"), bytes);
        ModelMetadata metadata = Models.metadata(Algorithm.POPULARITY, "v");

        assertThatExceptionOfType(InvalidModelException.class)
            .isThrownBy(() -> ModelFormat.read(metadata, new ByteArrayInputStream(bytes.toByteArray())))
            .withMessageContaining("item-neighbours");
    }

    private static RecommendationModel roundTrip(RecommendationModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFormat.write(model, bytes);
        return ModelFormat.read(model.metadata(), new ByteArrayInputStream(bytes.toByteArray()));
    }

}
