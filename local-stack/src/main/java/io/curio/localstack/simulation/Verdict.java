package io.curio.localstack.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Which variant the results crown, and whether that is the one the offline metrics rank first.
 * <p>
 * The winner is the variant with the highest CTR when that is significant at {@value #ALPHA}: a treatment whose lift
 * against the control has a p-value below it, or the control when every other variant's lift is negative with such
 * a p-value. The offline favourite is the variant whose served model has the highest Recall@20 in the registry.
 *
 * @param winner the winning variant, or {@code null} when no difference is significant yet
 * @param offlineBest the variant the offline metrics favour, or {@code null} when a model has no Recall@20
 * @param agrees whether there is a winner and it is the offline favourite
 */
record Verdict(String winner, String offlineBest, boolean agrees) {

    static final double ALPHA = 0.05;

    /**
     * One variant as the results describe it.
     * @param name the variant
     * @param model the algorithm or {@code algorithm@version} it serves
     * @param ctr its click-through rate, or {@code null} before its first impression
     * @param lift the absolute lift against the control, {@code null} for the control
     * @param pValue the lift's p-value, {@code null} for the control
     */
    record Arm(String name, String model, Double ctr, Double lift, Double pValue) {

        boolean significant() {
            return this.pValue != null && this.pValue < ALPHA;
        }

    }

    static List<Arm> arms(JsonNode results) {
        List<Arm> arms = new ArrayList<>();
        results.path("variants").forEach((variant) -> arms.add(new Arm(variant.path("name").asString(),
                variant.path("model").asString(), number(variant.path("ctr").path("value")),
                number(variant.path("lift").path("absolute")), number(variant.path("lift").path("pValue")))));
        return arms;
    }

    /** The verdict on the arms, control first, given the Recall@20 of each served model by its name. */
    static Verdict of(List<Arm> arms, Map<String, Double> recallByModel) {
        String winner = winner(arms).map(Arm::name).orElse(null);
        String offlineBest = offlineBest(arms, recallByModel).map(Arm::name).orElse(null);
        return new Verdict(winner, offlineBest, winner != null && winner.equals(offlineBest));
    }

    private static Optional<Arm> winner(List<Arm> arms) {
        Optional<Arm> best = arms.stream().filter((arm) -> arm.ctr() != null).max(Comparator.comparing(Arm::ctr));
        if (best.isEmpty() || arms.size() < 2) {
            return Optional.empty();
        }
        Arm control = arms.get(0);
        if (best.get() != control) {
            return best.filter(Arm::significant);
        }
        boolean othersWorse = arms.subList(1, arms.size()).stream()
            .allMatch((arm) -> arm.significant() && arm.lift() != null && arm.lift() < 0);
        return othersWorse ? best : Optional.empty();
    }

    private static Optional<Arm> offlineBest(List<Arm> arms, Map<String, Double> recallByModel) {
        if (arms.isEmpty() || !arms.stream().allMatch((arm) -> recallByModel.containsKey(arm.model()))) {
            return Optional.empty();
        }
        return arms.stream().max(Comparator.comparing((Arm arm) -> recallByModel.get(arm.model())));
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

}
