package io.curio.abtest.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.ExperimentStatus;
import io.curio.abtest.experiment.Variant;
import io.curio.abtest.results.ExperimentResults.ServedBy;
import io.curio.abtest.results.TimelineCalculation.Bucket;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsPageTests {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void escapesEveryCharacterThatCouldOpenMarkup() {
        assertThat(ResultsPage.escape("<b onclick='x'>\"a\" & b</b>"))
            .isEqualTo("&lt;b onclick=&#39;x&#39;&gt;&quot;a&quot; &amp; b&lt;/b&gt;");
    }

    @Test
    void escapesNamesTakenFromTheResultsInTheTableAndTheChart() {
        // given a variant whose name carries markup
        List<Variant> variants = List.of(new Variant("control", 50, "popularity"),
                new Variant("<script>alert(1)</script>", 50, "ease\"><img src=x>"));

        // when
        String html = ResultsPage.render(results(variants, Map.of()));

        // then
        assertThat(html).doesNotContain("<script").doesNotContain("<img")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            .contains("ease&quot;&gt;&lt;img src=x&gt;");
    }

    @Test
    void showsTheVerdictTableAndChartWithoutScriptsOrExternalResources() {
        // when
        String html = ResultsPage.render(results(halves(), Map.of(
                "control", new VariantCounts(900, 1000, 20, 120, 100, 0, 0, 0),
                "treatment", new VariantCounts(910, 1000, 0, 150, 130, 0, 0, 0))));

        // then
        assertThat(html).startsWith("<!DOCTYPE html>")
            .contains("<title>Experiment home-ranking</title>")
            .contains("Status: <b>running</b> · started: 2026-12-04 10:00 UTC")
            .contains("treatment is better than control: +30.0 % CTR, p = 0.035")
            .contains("<td>10.00 % (8.29 – 12.02 %)</td>")
            .contains("<td>2.0 %</td>")
            .contains("Sample-ratio check passed: χ² = 0.06, 1 degree of freedom")
            .contains("<svg").contains("<polyline").contains("<polygon").contains(">treatment</text>")
            .doesNotContain("<script").doesNotContain("http:").doesNotContain("https:").doesNotContain(" src=");
    }

    @Test
    void warnsVisiblyOnASampleRatioMismatch() {
        // when
        String html = ResultsPage.render(results(halves(), Map.of(
                "control", new VariantCounts(1000, 1000, 0, 0, 0, 0, 0, 0))));

        // then
        assertThat(html).contains("<p class=\"warning\">⚠ Sample-ratio mismatch").doesNotContain("check passed");
    }

    @Test
    void saysWhichOtherModelsServedAVariant() {
        // given
        Map<String, List<ServedBy>> servedBy = Map.of("control", List.of(new ServedBy("popularity", "v1", 90)),
                "treatment", List.of(new ServedBy("item-neighbours", "v2", 80), new ServedBy("popularity", "v1", 20)));

        // when
        String html = ResultsPage.render(results(halves(), Map.of(), servedBy));

        // then
        assertThat(html).contains("treatment names item-neighbours but was also served by popularity@v1 "
                + "(20 impressions).").doesNotContain("control names");
    }

    @Test
    void showsWhenAStoppedExperimentStoppedAndItsWinner() {
        // when
        String withWinner = ResultsPage.render(stopped("treatment"));
        String withoutWinner = ResultsPage.render(stopped(null));

        // then
        assertThat(withWinner).contains("<p>Stopped 2026-12-05 09:30 UTC · winner: treatment (item-neighbours)</p>");
        assertThat(withoutWinner)
            .contains("<p>Stopped 2026-12-05 09:30 UTC · no winner: back to the default model</p>");
    }

    @Test
    void saysNothingAboutStoppingWhileRunning() {
        assertThat(ResultsPage.render(results(halves(), Map.of()))).doesNotContain("Stopped");
    }

    private static ExperimentResults stopped(String winner) {
        Experiment experiment = new Experiment("home-ranking", "home", ExperimentStatus.STOPPED, 100, null, halves(),
                START, START, Instant.parse("2026-12-05T09:30:00Z"), winner);
        return ResultsCalculation.of(experiment, Map.of(), Map.of(), null);
    }

    @Test
    void namesTheBucketWidthInWords() {
        assertThat(ResultsPage.period(60)).isEqualTo("minute");
        assertThat(ResultsPage.period(900)).isEqualTo("15 minutes");
        assertThat(ResultsPage.period(3600)).isEqualTo("hour");
        assertThat(ResultsPage.period(7 * 86_400)).isEqualTo("7 days");
    }

    private static List<Variant> halves() {
        return List.of(new Variant("control", 50, "popularity"), new Variant("treatment", 50, "item-neighbours"));
    }

    private static ExperimentResults results(List<Variant> variants, Map<String, VariantCounts> counts) {
        return results(variants, counts, Map.of());
    }

    private static ExperimentResults results(List<Variant> variants, Map<String, VariantCounts> counts,
            Map<String, List<ServedBy>> servedBy) {
        Experiment experiment = new Experiment("home-ranking", "home", ExperimentStatus.RUNNING, 100,
                null, variants, START, START, null);
        List<Bucket> buckets = new ArrayList<>();
        for (Variant variant : variants) {
            VariantCounts measured = counts.getOrDefault(variant.name(), VariantCounts.NONE);
            buckets.add(new Bucket(variant.name(), 0, measured.impressions(), measured.clickedImpressions()));
        }
        return ResultsCalculation.of(experiment, counts, servedBy,
                TimelineCalculation.of(variants, START, START.plusSeconds(600), buckets));
    }

}
