package io.curio.assignment;

import java.util.List;
import java.util.Optional;

/**
 * A running experiment as assignment needs it.
 *
 * @param key the experiment key
 * @param surface where its lists are shown; at most one experiment runs per surface, so the surface is the
 * layer that keeps a user in at most one experiment of it
 * @param trafficPercent share of eligible users in the experiment at all, 0..100
 * @param targeting which users are eligible
 * @param variants the arms in declared order; the first is the control
 */
public record RunningExperiment(String key, String surface, int trafficPercent, Targeting targeting,
        List<Arm> variants) {

    public RunningExperiment {
        targeting = (targeting != null) ? targeting : Targeting.EVERYONE;
        variants = List.copyOf(variants);
    }

    /** The user's arm, or empty when targeting or traffic leave the user out. */
    public Optional<Arm> assign(String userId, String plan, String platform) {
        if (!this.targeting.includes(plan, platform)) {
            return Optional.empty();
        }
        return VariantAssignment.assign(this.key, userId, this.trafficPercent, this.variants);
    }

}
