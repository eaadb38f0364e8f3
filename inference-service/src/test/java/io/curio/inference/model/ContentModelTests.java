package io.curio.inference.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ContentModelTests {

    private static final float S = (float) Math.sqrt(0.5);

    /**
     * Books a, b, c, d over features 0 (author X), 1 (tag fantasy), 2 (tag history): a = (S, S, 0), b = (0, S, S),
     * c = (0, 0, 1), d has no vector. Reader counts 3, 2, 0, 1.
     */
    private static ContentModel model(Map<String, Object> parameters) {
        ModelMetadata metadata = new ModelMetadata(Algorithm.CONTENT.modelName(), "v", Models.CREATED,
                Models.CREATED, Models.CREATED, 1, 1, 1, 1, parameters, 0.1);
        ContentModel.Vectors vectors = new ContentModel.Vectors(3, new int[] { 0, 2, 4, 5, 5 },
                new int[] { 0, 1, 1, 2, 2 }, new float[] { S, S, S, S, 1f });
        return new ContentModel(metadata, new BookIndex(new String[] { "a", "b", "c", "d" }),
                new int[] { 3, 2, 0, 1 }, vectors);
    }

    private static Map<String, Object> withThreshold(SignalWeights weights, double threshold) {
        Map<String, Object> parameters = new HashMap<>(weights.asParameters());
        parameters.put(ContentModel.PROFILE_THRESHOLD, threshold);
        return parameters;
    }

    private static ContentModel model() {
        return model(SignalWeights.EQUAL.asParameters());
    }

    @Test
    void scoresEveryBookByItsCosineWithTheReadersProfile() {
        ContentModel model = model();
        float[] scores = new float[4];

        model.score(new ReaderBooks(new int[] { 0 }, new Signal[] { Signal.STRONG }), scores);

        assertThat(scores[0]).isCloseTo(1f, within(1e-6f));
        assertThat(scores[1]).isCloseTo(0.5f, within(1e-6f));
        assertThat(scores[2]).isZero();
        assertThat(scores[3]).isZero();
    }

    @Test
    void profileSumsTheBooksOfTheReaderBeforeItIsNormalized() {
        ContentModel model = model();
        float[] scores = new float[4];

        model.score(new ReaderBooks(new int[] { 0, 1 }, new Signal[] { Signal.STRONG, Signal.STRONG }), scores);

        float norm = (float) Math.sqrt(0.5 + 2 + 0.5);
        assertThat(scores[2]).isCloseTo(S / norm, within(1e-6f));
        assertThat(scores[1]).isCloseTo((0.5f + 1f) / norm, within(1e-6f));
    }

    @Test
    void weighsToReadMarksByTheRecordedSignalWeights() {
        ContentModel model = model(new SignalWeights(1f, 0.5f).asParameters());
        float[] scores = new float[4];

        model.score(new ReaderBooks(new int[] { 0, 2 }, new Signal[] { Signal.SAVED, Signal.STRONG }), scores);

        float norm = (float) Math.sqrt(0.25 * 0.5 + 0.25 * 0.5 + 1);
        assertThat(scores[0]).isCloseTo(0.5f / norm, within(1e-6f));
        assertThat(scores[2]).isCloseTo(1f / norm, within(1e-6f));
    }

    @Test
    void skipsProfileFeaturesUnderTheThreshold() {
        ContentModel model = model(withThreshold(new SignalWeights(1f, 0.25f), 0.2));
        float[] scores = new float[4];

        model.score(new ReaderBooks(new int[] { 0, 2 }, new Signal[] { Signal.SAVED, Signal.STRONG }), scores);

        float history = 1f / (float) Math.sqrt(0.25 * 0.25 + 1);
        assertThat(scores[0]).as("both features of a weigh under 0.2 in this profile").isZero();
        assertThat(scores[1]).isCloseTo(S * history, within(1e-6f));
        assertThat(scores[2]).isCloseTo(history, within(1e-6f));
    }

    @Test
    void keepsEveryFeatureOfAProfileWhoseLargestIsUnderFourTimesTheThreshold() {
        ContentModel model = model(withThreshold(SignalWeights.EQUAL, 0.9));
        float[] scores = new float[4];

        model.score(new ReaderBooks(new int[] { 0 }, new Signal[] { Signal.STRONG }), scores);

        assertThat(scores[0]).isCloseTo(1f, within(1e-6f));
        assertThat(scores[1]).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        Map<String, Object> parameters = withThreshold(SignalWeights.EQUAL, 1.5);

        assertThatIllegalArgumentException().isThrownBy(() -> model(parameters)).withMessageContaining("1.5");
    }

    @Test
    void addsToTheScoresItIsGivenAndNothingForAReaderWithoutBooks() {
        ContentModel model = model();
        float[] scores = { 1f, 1f, 1f, 1f };

        model.score(ReaderBooks.NONE, scores);
        model.score(new ReaderBooks(new int[] { 3 }, new Signal[] { Signal.STRONG }), scores);

        assertThat(scores).containsExactly(1f, 1f, 1f, 1f);
    }

    @Test
    void ranksBooksForFillingByTheirReaders() {
        RankedBooks popular = model().popular();

        assertThat(Arrays.asList(popular.bookAt(0), popular.bookAt(1), popular.bookAt(2), popular.bookAt(3)))
            .containsExactly("a", "b", "d", "c");
        assertThat(popular.scoreAt(3)).isZero();
    }

    @Test
    void tellsSimilarityAndSize() {
        ContentModel model = model();

        assertThat(model.similarity(0, 1)).isCloseTo(0.5f, within(1e-6f));
        assertThat(model.features()).isEqualTo(3);
        assertThat(model.bytes()).isEqualTo(4 * 4 + 3 * 5 * 4 + (4 + 5 + 5) * 4 + 8 * 4);
    }

    @Test
    void readsBackWhatItWroteThroughTheArtifactFormat() throws IOException {
        ContentModel written = model(new SignalWeights(1f, 0.5f).asParameters());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFormat.write(written, bytes);

        RecommendationModel read = ModelFormat.read(written.metadata(), new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(read).isInstanceOf(ContentModel.class);
        float[] expected = new float[4];
        float[] actual = new float[4];
        ReaderBooks reader = new ReaderBooks(new int[] { 0, 2 }, new Signal[] { Signal.SAVED, Signal.STRONG });
        written.score(reader, expected);
        read.score(reader, actual);
        assertThat(actual).containsExactly(expected);
        assertThat(((ContentModel) read).readers(0)).isEqualTo(3);
    }

    @Test
    void refusesAnArtifactWhoseFeatureIndexIsOutsideTheVocabulary() throws IOException {
        ByteBuffer body = ByteBuffer.wrap(body(model()));
        body.putInt(4 * 4 + 4 + 5 * 4 + 3 * 4, 7);

        assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> read(body.array()))
            .withMessageContaining("index 7");
    }

    @Test
    void refusesAnArtifactWhoseOffsetsDecrease() throws IOException {
        ByteBuffer body = ByteBuffer.wrap(body(model()));
        body.putInt(4 * 4 + 4 + 4, 5);

        assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> read(body.array()))
            .withMessageContaining("decrease");
    }

    @Test
    void refusesAnArtifactWithANegativeReaderCount() throws IOException {
        ByteBuffer body = ByteBuffer.wrap(body(model()));
        body.putInt(4, -2);

        assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> read(body.array()))
            .withMessageContaining("reader count");
    }

    @Test
    void refusesAnArtifactWithAValueThatIsNotANumber() throws IOException {
        byte[] bytes = body(model());
        ByteBuffer.wrap(bytes).putFloat(bytes.length - 4, Float.NaN);

        assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> read(bytes))
            .withMessageContaining("NaN");
    }

    @Test
    void refusesAnArtifactThatEndsEarlyOrClaimsTooManyFeatures() throws IOException {
        byte[] bytes = body(model());
        ByteBuffer claims = ByteBuffer.wrap(bytes.clone());
        claims.putInt(4 * 4 + 4 + 4 * 4, Integer.MAX_VALUE);

        assertThatExceptionOfType(InvalidModelException.class)
            .isThrownBy(() -> read(Arrays.copyOf(bytes, bytes.length - 3)))
            .withMessageContaining("ends early");
        assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> read(claims.array()))
            .withMessageContaining("implausible");
    }

    private static byte[] body(ContentModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.write(out);
        }
        return bytes.toByteArray();
    }

    private static ContentModel read(byte[] body) throws IOException {
        ContentModel model = model();
        return ContentModel.read(new DataInputStream(new ByteArrayInputStream(body)), model.metadata(),
                model.books());
    }

}
