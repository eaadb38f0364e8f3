package io.curio.localstack.simulation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.curio.localstack.simulation.Verdict.Arm;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTests {

    private static final Map<String, Double> RECALL = Map.of("item-neighbours", 0.255, "blend", 0.337);

    @Test
    void crownsATreatmentWithASignificantLiftThatTheOfflineMetricsAlsoFavour() {
        Verdict verdict = Verdict.of(List.of(control(0.30), treatment(0.38, 0.08, 0.001)), RECALL);

        assertThat(verdict).isEqualTo(new Verdict("treatment", "treatment", true));
    }

    @Test
    void crownsNobodyWhileTheLiftIsNotSignificant() {
        Verdict verdict = Verdict.of(List.of(control(0.30), treatment(0.31, 0.01, 0.4)), RECALL);

        assertThat(verdict).isEqualTo(new Verdict(null, "treatment", false));
    }

    @Test
    void crownsTheControlWhenTheTreatmentIsSignificantlyWorseAndSaysTheOfflineMetricsDisagree() {
        Verdict verdict = Verdict.of(List.of(control(0.38), treatment(0.30, -0.08, 0.002)), RECALL);

        assertThat(verdict).isEqualTo(new Verdict("control", "treatment", false));
    }

    @Test
    void leavesTheOfflineFavouriteUnknownWhenAModelHasNoRecall() {
        Verdict verdict = Verdict.of(List.of(control(0.30), treatment(0.38, 0.08, 0.001)), Map.of("blend", 0.3));

        assertThat(verdict.offlineBest()).isNull();
        assertThat(verdict.agrees()).isFalse();
    }

    @Test
    void readsTheArmsFromTheResults() {
        String results = """
                {"experiment":"home-ranking","variants":[
                 {"name":"control","model":"item-neighbours","ctr":{"value":0.3,"low":0.28,"high":0.32},"lift":null},
                 {"name":"treatment","model":"blend","ctr":null,"lift":null}]}""";

        assertThat(Verdict.arms(JsonMapper.builder().build().readTree(results)))
            .containsExactly(new Arm("control", "item-neighbours", 0.3, null, null),
                    new Arm("treatment", "blend", null, null, null));
    }

    private static Arm control(double ctr) {
        return new Arm("control", "item-neighbours", ctr, null, null);
    }

    private static Arm treatment(double ctr, double lift, double pValue) {
        return new Arm("treatment", "blend", ctr, lift, pValue);
    }

}
