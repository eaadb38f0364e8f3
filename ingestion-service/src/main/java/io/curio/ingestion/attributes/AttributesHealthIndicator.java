package io.curio.ingestion.attributes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code attributes}: per entity the last good poll, its age, whether that is past
 * {@code curio.attributes.stale-after}, the failed polls since, the circuit and the last error. Stale
 * attributes are still served, so the status stays {@code UP} while every entity has a snapshot in
 * force, and is {@code UNKNOWN} (which leaves the overall status alone) until each has one.
 */
@Component
class AttributesHealthIndicator implements HealthIndicator {

    private final PollStates states;

    private final AttributeCircuits circuits;

    private final AttributeSettings settings;

    AttributesHealthIndicator(PollStates states, AttributeCircuits circuits, AttributeSettings settings) {
        this.states = states;
        this.circuits = circuits;
        this.settings = settings;
    }

    @Override
    public Health health() {
        Instant now = this.states.now();
        boolean everySnapshot = true;
        Health.Builder health = Health.up();
        for (AttributeEntity entity : AttributeEntity.values()) {
            PollState state = this.states.get(entity);
            everySnapshot &= state.hasSnapshot();
            health.withDetail(entity.entityName(), details(entity, state, now));
        }
        return everySnapshot ? health.build() : health.unknown().build();
    }

    private Map<String, Object> details(AttributeEntity entity, PollState state, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (state.hasSnapshot()) {
            double age = state.ageSeconds(now);
            details.put("lastSuccess", state.lastGood().toString());
            details.put("ageSeconds", Math.round(age));
            details.put("stale", age > this.settings.staleAfter().toSeconds());
            details.put("snapshot", state.key());
        }
        else {
            details.put("stale", true);
        }
        details.put("consecutiveFailures", state.failures());
        details.put("circuit", this.circuits.state(entity));
        if (state.lastError() != null) {
            details.put("lastError", state.lastError());
        }
        return details;
    }

}
