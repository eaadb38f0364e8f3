package io.curio.abtest.exposure;

import java.util.List;

import io.curio.abtest.experiment.ExperimentAdministration;
import io.curio.abtest.experiment.NewExperiment;
import io.curio.abtest.experiment.NewExperiment.NewVariant;

/**
 * The experiment the exposure tests record against: {@code home-ranking}, 50/50 between popularity and
 * item neighbours, running.
 */
final class HomeRanking {

    private HomeRanking() {
    }

    static void start(ExperimentAdministration administration) {
        administration.create(new NewExperiment("home-ranking", "home",
                List.of(new NewVariant("control", 50, "popularity"),
                        new NewVariant("treatment", 50, "item-neighbours")),
                null, null), "admin-7");
        administration.start("home-ranking", "admin-7");
    }

}
