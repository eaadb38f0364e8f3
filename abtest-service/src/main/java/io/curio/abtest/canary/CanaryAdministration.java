package io.curio.abtest.canary;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.curio.abtest.canary.CanaryRefusedException.Refusal;
import io.curio.abtest.canary.RegisteredModel.RegisteredVersion;

/**
 * Creates and aborts canaries. A new canary is checked against inference-service's model registry: the version
 * must exist, be complete and not already serve; the serving version becomes the baseline. Every change is
 * recorded as a decision and announced with {@link CanaryChanged}; a refused request changes nothing.
 */
@Service
class CanaryAdministration {

    private static final int MAX_ID_LENGTH = 64;

    private final CanaryStore store;

    private final ModelRegistry registry;

    private final CanaryDecisions decisions;

    private final Clock clock;

    CanaryAdministration(CanaryStore store, ModelRegistry registry, CanaryDecisions decisions, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Transactional
    Canary create(NewCanary request, String actor) {
        List<Integer> steps = checkedSteps(request.stepsOrDefault());
        refuseSecond(request.algorithm());
        String baseline = baseline(request.algorithm(), request.version());
        Instant now = this.clock.instant();
        Canary canary = new Canary(freeId(request), request.algorithm(), request.version(), baseline, steps,
                request.stepDurationOrDefault(), request.minImpressionsOrDefault(), CanaryStatus.RUNNING, steps.get(0),
                now, now, null);
        try {
            this.store.insert(canary);
        }
        catch (DuplicateKeyException ex) {
            throw inProgress(request.algorithm());
        }
        this.decisions.record(canary, CanaryAction.CREATE, actor, now, canary.percent(), null, null,
                "created by " + actor + ", baseline " + baseline);
        return canary;
    }

    @Transactional
    Canary abort(String id, String actor) {
        Canary canary = this.store.lock(id).orElseThrow(() -> notFound(id));
        if (!canary.status().inProgress()) {
            throw new CanaryRefusedException(Refusal.CONFLICT, null,
                    "canary '" + id + "' is " + canary.status().wireName() + " and cannot be aborted");
        }
        Instant now = this.clock.instant();
        this.store.update(id, CanaryStatus.ABORTED, 0, now);
        this.decisions.record(canary, CanaryAction.ABORT, actor, now, 0, null, null, "aborted by " + actor);
        return this.store.find(id).orElseThrow();
    }

    CanaryView find(String id) {
        Canary canary = this.store.find(id).orElseThrow(() -> notFound(id));
        return CanaryView.of(canary, this.store.decisions(id));
    }

    List<CanaryView> list() {
        return this.store.findAll().stream().map((canary) -> CanaryView.of(canary, null)).toList();
    }

    private static List<Integer> checkedSteps(List<Integer> steps) {
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i) <= steps.get(i - 1)) {
                throw new CanaryRefusedException(Refusal.INVALID, "steps[" + i + "]",
                        "steps must be strictly increasing, " + steps.get(i) + " follows " + steps.get(i - 1));
            }
        }
        if (steps.get(steps.size() - 1) != 100) {
            throw new CanaryRefusedException(Refusal.INVALID, "steps", "the last step must be 100, not " + steps);
        }
        return steps;
    }

    private void refuseSecond(String algorithm) {
        if (this.store.inProgressOf(algorithm).isPresent()) {
            throw inProgress(algorithm);
        }
    }

    /** The serving version, once the registry vouched for the candidate. */
    private String baseline(String algorithm, String version) {
        RegisteredModel model = this.registry.model(algorithm)
            .orElseThrow(() -> new CanaryRefusedException(Refusal.INVALID, "algorithm",
                    "inference-service has no model '" + algorithm + "'"));
        RegisteredVersion candidate = model.version(version)
            .orElseThrow(() -> new CanaryRefusedException(Refusal.INVALID, "version",
                    "'" + algorithm + "' has no version '" + version + "'"));
        if (!candidate.complete()) {
            throw new CanaryRefusedException(Refusal.INVALID, "version", "version '" + version + "' is incomplete");
        }
        if (model.serving() == null) {
            throw new CanaryRefusedException(Refusal.INVALID, "algorithm",
                    "'" + algorithm + "' serves no version to compare the candidate with");
        }
        if (model.serving().equals(version)) {
            throw new CanaryRefusedException(Refusal.INVALID, "version", "version '" + version + "' already serves");
        }
        return model.serving();
    }

    /** {@code algorithm-version} in lower case, with a suffix when an earlier canary of the version took it. */
    private String freeId(NewCanary request) {
        String base = (request.algorithm() + "-" + request.version()).toLowerCase(Locale.ROOT);
        base = base.substring(0, Math.min(base.length(), MAX_ID_LENGTH - 4));
        String id = base;
        for (int attempt = 2; this.store.exists(id); attempt++) {
            id = base + "-" + attempt;
        }
        return id;
    }

    private static CanaryRefusedException inProgress(String algorithm) {
        return new CanaryRefusedException(Refusal.CONFLICT, "algorithm",
                "a canary of '" + algorithm + "' is in progress");
    }

    private static CanaryRefusedException notFound(String id) {
        return new CanaryRefusedException(Refusal.NOT_FOUND, null, "no canary with id '" + id + "'");
    }

}
