package io.curio.abtest.canary;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClientException;

/**
 * Checks every canary in progress every {@code curio.abtest.canary.check-interval} by the {@link GuardrailRule}:
 * rolls a worse candidate back, moves a holding one to its next step, and asks inference-service to serve a
 * candidate that reached 100 % until it does. Each canary is judged in its own transaction under a row lock, so
 * instances checking at the same time decide once. A hold is recorded when its reason differs from the
 * latest decision's, not at every check.
 */
@Component
public class CanaryGuardrail {

    static final String ACTOR = "guardrail";

    private static final Log logger = LogFactory.getLog(CanaryGuardrail.class);

    private final CanaryStore store;

    private final CanaryExposure exposure;

    private final CanaryDecisions decisions;

    private final ModelRegistry registry;

    private final CanaryMeters meters;

    private final CanaryProperties properties;

    private final TransactionTemplate transactions;

    private final Clock clock;

    private final TaskScheduler scheduler;

    private final Set<String> failedActivations = ConcurrentHashMap.newKeySet();

    private volatile boolean failing;

    CanaryGuardrail(CanaryStore store, CanaryExposure exposure, CanaryDecisions decisions, ModelRegistry registry,
            CanaryMeters meters, CanaryProperties properties, TransactionTemplate transactions, Clock clock,
            TaskScheduler scheduler) {
        this.store = store;
        this.exposure = exposure;
        this.decisions = decisions;
        this.registry = registry;
        this.meters = meters;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleChecks() {
        this.scheduler.scheduleWithFixedDelay(this::scheduledCheck,
                this.clock.instant().plus(this.properties.checkInterval()), this.properties.checkInterval());
    }

    /** Judges every canary in progress now. */
    public void check() {
        check(this.clock.instant());
    }

    /** Judges every canary in progress as of {@code now}. */
    void check(Instant now) {
        for (Canary canary : this.store.findInProgress()) {
            Canary judged = this.transactions.execute((status) -> judge(canary.id(), now));
            if (judged != null && judged.status() == CanaryStatus.PROMOTING) {
                activate(judged, now);
            }
        }
        this.meters.inProgress(this.store.findInProgress());
    }

    private void scheduledCheck() {
        try {
            check(this.clock.instant());
            this.failing = false;
        }
        catch (DataAccessException ex) {
            if (!this.failing) {
                logger.warn("Could not check the canaries; the next check tries again", ex);
                this.failing = true;
            }
        }
    }

    /** Applies the rule to a running canary; the canary as it is afterwards. */
    private Canary judge(String id, Instant now) {
        Canary canary = this.store.lock(id).orElse(null);
        if (canary == null || canary.status() != CanaryStatus.RUNNING) {
            return canary;
        }
        CanaryEvidence evidence = this.exposure.evidence(canary);
        CanaryVerdict verdict = GuardrailRule.decide(canary, evidence, now, this.properties.alpha());
        if (verdict.action() == CanaryAction.HOLD) {
            hold(canary, evidence, verdict.pValue(), verdict.reason(), now);
            return canary;
        }
        this.store.update(id, statusAfter(verdict.action()), verdict.percentTo(), now);
        this.decisions.record(canary, verdict.action(), ACTOR, now, verdict.percentTo(), evidence, verdict.pValue(),
                verdict.reason());
        return this.store.find(id).orElseThrow();
    }

    private void hold(Canary canary, CanaryEvidence evidence, Double pValue, String reason, Instant now) {
        if (!this.store.lastReason(canary.id()).map(reason::equals).orElse(false)) {
            this.decisions.record(canary, CanaryAction.HOLD, ACTOR, now, canary.percent(), evidence, pValue, reason);
        }
    }

    private static CanaryStatus statusAfter(CanaryAction action) {
        return switch (action) {
            case ROLLBACK -> CanaryStatus.ROLLED_BACK;
            case PROMOTE -> CanaryStatus.PROMOTING;
            default -> CanaryStatus.RUNNING;
        };
    }

    private void activate(Canary canary, Instant now) {
        try {
            this.registry.activate(canary.algorithm(), canary.candidateVersion());
        }
        catch (RestClientException ex) {
            activationFailed(canary, ex, now);
            return;
        }
        this.failedActivations.remove(canary.id());
        this.transactions.executeWithoutResult((status) -> this.store.lock(canary.id())
            .filter((locked) -> locked.status() == CanaryStatus.PROMOTING)
            .ifPresent((locked) -> activated(locked, now)));
    }

    private void activated(Canary canary, Instant now) {
        this.store.update(canary.id(), CanaryStatus.PROMOTED, 100, now);
        this.decisions.record(canary, CanaryAction.ACTIVATED, ACTOR, now, 100, null, null,
                "inference-service serves " + canary.algorithm() + " " + canary.candidateVersion());
    }

    private void activationFailed(Canary canary, RestClientException ex, Instant now) {
        if (this.failedActivations.add(canary.id())) {
            logger.warn("inference-service did not activate " + canary.algorithm() + " "
                    + canary.candidateVersion() + "; every check tries again", ex);
        }
        this.transactions.executeWithoutResult((status) -> hold(canary, null, null,
                "inference-service did not activate the version yet; trying again at every check", now));
    }

}
