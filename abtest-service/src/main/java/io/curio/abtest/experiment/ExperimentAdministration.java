package io.curio.abtest.experiment;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, starts, changes and stops experiments. Creating, starting and changing refuse a variant whose model
 * is not one of the {@link KnownAlgorithms}; creating and starting also one that inference-service's registry
 * cannot serve ({@link RegisteredModels}). Every change is audited in its own transaction and announced with
 * {@link ExperimentChanged}; a refused change leaves everything as it was.
 */
@Service
public class ExperimentAdministration {

    private final ExperimentStore store;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final KnownAlgorithms algorithms;

    private final RegisteredModels registered;

    private final Clock clock;

    ExperimentAdministration(ExperimentStore store, AuditTrail audit, ApplicationEventPublisher events,
            KnownAlgorithms algorithms, RegisteredModels registered, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.algorithms = algorithms;
        this.registered = registered;
        this.clock = clock;
    }

    @Transactional
    public Experiment create(NewExperiment request, String actor) {
        Instant now = this.clock.instant();
        Experiment draft = ExperimentRules.toDraft(request, now);
        this.algorithms.check(draft.variants());
        this.registered.check(draft.variants());
        if (!this.store.insert(draft)) {
            throw new ExperimentConflictException("key", "an experiment with key '" + draft.key() + "' exists");
        }
        changed(draft.key(), actor, "create", now, request);
        return draft;
    }

    @Transactional
    public Experiment start(String key, String actor) {
        Experiment experiment = lock(key);
        if (experiment.status() != ExperimentStatus.DRAFT) {
            throw new ExperimentConflictException(null,
                    "experiment '" + key + "' is " + experiment.status().wireName() + ", only a draft can start");
        }
        this.algorithms.check(experiment.variants());
        this.registered.check(experiment.variants());
        this.store.runningOn(experiment.surface()).ifPresent((other) -> {
            throw new ExperimentConflictException(null,
                    "experiment '" + other + "' is already running on surface '" + experiment.surface() + "'");
        });
        Instant now = this.clock.instant();
        this.store.markRunning(key, now);
        changed(key, actor, "start", now, Map.of("surface", experiment.surface()));
        return this.store.find(key).orElseThrow();
    }

    /**
     * Ramps the traffic and/or changes the weights of a draft or running experiment. Raising the traffic keeps
     * every included user in their variant; new weights move only the users whose variant bucket changes
     * hands.
     */
    @Transactional
    public Experiment change(String key, ExperimentChange change, String actor) {
        Experiment experiment = lock(key);
        if (experiment.status() == ExperimentStatus.STOPPED) {
            throw new ExperimentConflictException(null, "experiment '" + key + "' is stopped and cannot change");
        }
        Experiment changed = ExperimentRules.changed(experiment, change);
        this.algorithms.check(changed.variants());
        this.store.updateTrafficAndWeights(changed);
        changed(key, actor, "update", this.clock.instant(), change);
        return changed;
    }

    /**
     * Stops a running experiment. With a winner, its surface serves the winner's model to the users the
     * experiment targeted until another experiment runs there; without one, everyone gets the default model.
     */
    @Transactional
    public Experiment stop(String key, ExperimentStop stop, String actor) {
        Experiment experiment = lock(key);
        if (experiment.status() != ExperimentStatus.RUNNING) {
            throw new ExperimentConflictException(null,
                    "experiment '" + key + "' is " + experiment.status().wireName() + ", only a running one can stop");
        }
        String winner = stop.winner();
        if (winner != null && experiment.variant(winner).isEmpty()) {
            throw new InvalidExperimentException("winner", "'" + winner + "' is not a variant of the experiment");
        }
        Instant now = this.clock.instant();
        this.store.markStopped(key, now, winner);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("surface", experiment.surface());
        detail.put("winner", winner);
        changed(key, actor, "stop", now, detail);
        return this.store.find(key).orElseThrow();
    }

    public Experiment find(String key) {
        return this.store.find(key).orElseThrow(() -> new ExperimentNotFoundException(key));
    }

    private Experiment lock(String key) {
        return this.store.lock(key).orElseThrow(() -> new ExperimentNotFoundException(key));
    }

    private void changed(String key, String actor, String action, Instant at, Object detail) {
        this.audit.record(key, actor, action, at, detail);
        this.events.publishEvent(new ExperimentChanged(key, action));
    }

}
