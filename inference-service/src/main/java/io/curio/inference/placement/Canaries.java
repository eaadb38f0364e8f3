package io.curio.inference.placement;

import java.util.Optional;

import io.curio.assignment.CanaryArm;
import io.curio.assignment.ModelCanary;
import io.curio.assignment.ServingRules;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelSpec;
import io.curio.inference.model.RecommendationModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the canaries of the serving rules: a request for an algorithm's served version gets the version of the
 * user's canary arm instead. abtest-service owns the canary's share and guardrail; this only follows them.
 */
public class Canaries {

    private static final Logger logger = LoggerFactory.getLogger(Canaries.class);

    private final ModelRegistry registry;

    private final Counter candidateUnavailable;

    public Canaries(ModelRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        this.candidateUnavailable = Counter.builder("curio.inference.canary.fallbacks")
            .description("Lists of a canary's candidate arm served with the baseline because the candidate "
                    + "version could not be loaded")
            .register(meters);
    }

    /**
     * The version of the user's arm when the rules hold a canary for the model's algorithm and the model names no
     * version. A candidate that cannot be loaded is replaced by the baseline, counted; empty when neither loads
     * or no canary applies.
     */
    public Optional<ServedModel> serve(ModelSpec spec, String userId, ServingRules rules) {
        if (spec.version() != null) {
            return Optional.empty();
        }
        return rules.canaryOf(spec.algorithm().modelName())
            .flatMap((canary) -> serve(canary, spec.algorithm(), canary.armOf(userId)));
    }

    /** Loads both versions of every canary so that no request waits for the registry. */
    public void warm(ServingRules rules) {
        for (ModelCanary canary : rules.canaries()) {
            Algorithm.fromModelName(canary.algorithm()).ifPresent((algorithm) -> {
                for (CanaryArm arm : CanaryArm.values()) {
                    if (version(algorithm, canary.versionFor(arm)).isEmpty()) {
                        logger.warn("Canary {} cannot load {} {}", canary.id(), canary.algorithm(),
                                canary.versionFor(arm));
                    }
                }
            });
        }
    }

    private Optional<ServedModel> serve(ModelCanary canary, Algorithm algorithm, CanaryArm arm) {
        Optional<RecommendationModel> model = version(algorithm, canary.versionFor(arm));
        if (model.isEmpty() && arm == CanaryArm.CANDIDATE) {
            this.candidateUnavailable.increment();
            return serve(canary, algorithm, CanaryArm.BASELINE);
        }
        return model.map((served) -> new ServedModel(served, new CanaryRef(canary.id(), arm.value())));
    }

    private Optional<RecommendationModel> version(Algorithm algorithm, String version) {
        return ModelSpec.isVersion(version) ? this.registry.resolve(new ModelSpec(algorithm, version))
                : Optional.empty();
    }

}
