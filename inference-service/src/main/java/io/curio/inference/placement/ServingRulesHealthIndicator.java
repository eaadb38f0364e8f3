package io.curio.inference.placement;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Shows the state of the serving rules copy. Always up: an old copy still places every request, and without
 * one the default model serves, so readiness does not depend on abtest-service.
 */
class ServingRulesHealthIndicator implements HealthIndicator {

    private final ServingRulesCopy rules;

    ServingRulesHealthIndicator(ServingRulesCopy rules) {
        this.rules = rules;
    }

    @Override
    public Health health() {
        ServingRulesCopy.Status status = this.rules.status();
        Health.Builder health = Health.up()
            .withDetail("loaded", status.loaded())
            .withDetail("experiments", status.experiments())
            .withDetail("canaries", status.canaries())
            .withDetail("ageSeconds", status.ageSeconds());
        if (status.lastFailure() != null) {
            health.withDetail("lastFailure", status.lastFailure());
        }
        return health.build();
    }

}
