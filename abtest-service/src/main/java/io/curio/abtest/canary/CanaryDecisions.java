package io.curio.abtest.canary;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records a decision about a canary with its evidence, counts it, and announces the change.
 */
@Component
class CanaryDecisions {

    private final CanaryStore store;

    private final CanaryMeters meters;

    private final ApplicationEventPublisher events;

    CanaryDecisions(CanaryStore store, CanaryMeters meters, ApplicationEventPublisher events) {
        this.store = store;
        this.meters = meters;
        this.events = events;
    }

    /**
     * Records a decision that moves the canary from its current share ({@code 0} when it is created) to
     * {@code percentTo}; {@code evidence} is {@code null} for an operator's decision.
     */
    void record(Canary canary, CanaryAction action, String actor, Instant at, int percentTo, CanaryEvidence evidence,
            Double pValue, String reason) {
        int from = (action == CanaryAction.CREATE) ? 0 : canary.percent();
        ArmCounts candidate = (evidence != null) ? evidence.candidate() : ArmCounts.NONE;
        ArmCounts baseline = (evidence != null) ? evidence.baseline() : ArmCounts.NONE;
        this.store.record(canary.id(), new CanaryDecision(action.wireName(), actor, at, from, percentTo,
                (evidence != null) ? candidate.impressions() : null, candidate.ctr(),
                (evidence != null) ? baseline.impressions() : null, baseline.ctr(), pValue, reason));
        this.meters.decided(action);
        this.events.publishEvent(new CanaryChanged(canary.id(), action.wireName()));
    }

}
