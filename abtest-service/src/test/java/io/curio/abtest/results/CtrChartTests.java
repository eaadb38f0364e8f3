package io.curio.abtest.results;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.curio.abtest.results.CtrChart.LegendEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CtrChartTests {

    @Test
    void laysSixteenLongVariantNamesOutInRowsInsideTheCanvasAndGrowsTheHeight() {
        // given
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            names.add("variant-with-a-long-name-" + i);
        }

        // when
        List<LegendEntry> legend = CtrChart.legendLayout(names);

        // then
        assertThat(legend).allSatisfy((entry) -> assertThat(entry.x() + 16 + 8 * entry.name().length())
            .isLessThanOrEqualTo(720));
        assertThat(legend.stream().map(LegendEntry::y).distinct().count()).isGreaterThan(1);
        assertThat(CtrChart.height(legend)).isEqualTo(legend.get(15).y() + 18).isGreaterThan(300);
    }

    @Test
    void keepsOneRowAndTheUsualHeightForTwoVariants() {
        // when
        List<LegendEntry> legend = CtrChart.legendLayout(List.of("control", "treatment"));

        // then
        assertThat(legend).extracting(LegendEntry::y).containsOnly(282);
        assertThat(CtrChart.height(legend)).isEqualTo(300);
    }

    @Test
    void givesSixteenVariantsSixteenDistinctColours() {
        assertThat(CtrChart.COLOURS).hasSize(16);
        assertThat(new HashSet<>(CtrChart.COLOURS)).hasSize(16);
    }

    @Test
    void putsTheYAxisTicksAtRoundValues() {
        // 13.7 % at most: ticks 0, 5, 10, 15 %
        assertThat(CtrChart.tickStep(0.137)).isCloseTo(0.05, within(1e-12));
        assertThat(CtrChart.niceTop(0.137, 0.05)).isCloseTo(0.15, within(1e-12));
        // 2.2 %: ticks every 0.5 % up to 2.5 %
        assertThat(CtrChart.tickStep(0.022)).isCloseTo(0.005, within(1e-12));
        assertThat(CtrChart.niceTop(0.022, 0.005)).isCloseTo(0.025, within(1e-12));
        // nothing clicked yet: one tick of 0.1 %
        assertThat(CtrChart.niceTop(0, CtrChart.tickStep(0))).isCloseTo(0.001, within(1e-12));
    }

    @Test
    void writesTickLabelsWithoutNeedlessDecimals() {
        assertThat(CtrChart.percent(0)).isEqualTo("0 %");
        assertThat(CtrChart.percent(0.15)).isEqualTo("15 %");
        assertThat(CtrChart.percent(0.025)).isEqualTo("2.5 %");
        assertThat(CtrChart.percent(0.0025)).isEqualTo("0.25 %");
    }

}
