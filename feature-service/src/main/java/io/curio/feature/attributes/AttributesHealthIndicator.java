package io.curio.feature.attributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code attributes}: per entity the snapshot in force, when it was polled, when it was last
 * known current, its age and whether that is past {@code curio.attributes.stale-after}. A stale
 * catalogue is still served, so the status is {@code UP} once every entity has a snapshot in force and
 * {@code UNKNOWN} (which leaves the overall status alone) before.
 */
@Component
class AttributesHealthIndicator implements HealthIndicator {

    private final SnapshotRefresh refresh;

    private final AttributeHealthSettings settings;

    AttributesHealthIndicator(SnapshotRefresh refresh, AttributeHealthSettings settings) {
        this.refresh = refresh;
        this.settings = settings;
    }

    @Override
    public Health health() {
        boolean everySnapshot = true;
        Health.Builder health = Health.up();
        for (Entity entity : Entity.values()) {
            Optional<AppliedSnapshot> inForce = this.refresh.inForce(entity);
            everySnapshot &= inForce.isPresent();
            health.withDetail(entity.wireName(), details(inForce));
        }
        return everySnapshot ? health.build() : health.unknown().build();
    }

    private Map<String, Object> details(Optional<AppliedSnapshot> inForce) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (inForce.isEmpty()) {
            details.put("stale", true);
            return details;
        }
        AppliedSnapshot snapshot = inForce.get();
        double age = this.refresh.ageSeconds(snapshot);
        details.put("snapshot", snapshot.key().key());
        details.put("polledAt", snapshot.polledAt().toString());
        details.put("currentAt", snapshot.currentAt().toString());
        details.put("ageSeconds", Math.round(age));
        details.put("stale", age > this.settings.staleAfter().toSeconds());
        return details;
    }

}
