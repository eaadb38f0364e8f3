package io.curio.abtest.experiment;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.curio.abtest.canary.ModelRegistry;
import io.curio.abtest.canary.RegisteredModel;

/**
 * Checks that every variant names a model inference-service can serve, against its model registry: a bare
 * {@code algorithm} needs a serving version, {@code algorithm@version} needs that version stored and complete.
 * The registry is read once per check; when it cannot be read the check fails with a 503.
 */
@Component
class RegisteredModels {

    private final ModelRegistry registry;

    RegisteredModels(ModelRegistry registry) {
        this.registry = registry;
    }

    /** Refuses the first variant whose model the registry cannot serve. */
    void check(List<Variant> variants) {
        List<RegisteredModel> models = this.registry.models();
        for (int i = 0; i < variants.size(); i++) {
            String problem = problem(models, variants.get(i).model());
            if (problem != null) {
                throw new InvalidExperimentException("variants[" + i + "].model", problem);
            }
        }
    }

    private static String problem(List<RegisteredModel> models, String model) {
        int at = model.indexOf('@');
        String algorithm = (at < 0) ? model : model.substring(0, at);
        Optional<RegisteredModel> registered = models.stream()
            .filter((candidate) -> algorithm.equals(candidate.algorithm()))
            .findFirst();
        if (registered.isEmpty()) {
            return "inference-service has no model of algorithm '" + algorithm + "'";
        }
        if (at < 0) {
            return (registered.get().serving() != null) ? null
                    : "algorithm '" + algorithm + "' has no serving version; name a version";
        }
        String version = model.substring(at + 1);
        boolean complete = registered.get().version(version).filter(RegisteredModel.RegisteredVersion::complete)
            .isPresent();
        return complete ? null : "inference-service has no complete version '" + version + "' of '" + algorithm + "'";
    }

}
