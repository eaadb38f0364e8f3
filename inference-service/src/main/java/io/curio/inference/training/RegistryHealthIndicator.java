package io.curio.inference.training;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Out of service until the registry's served models have been loaded at startup, so that readiness (and
 * {@code ./curio up}, which asks which models are loaded) never sees a service that merely has not read the
 * registry yet.
 */
class RegistryHealthIndicator implements HealthIndicator {

    private final TrainingJobs jobs;

    RegistryHealthIndicator(TrainingJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Health health() {
        return this.jobs.isRegistryLoaded() ? Health.up().build()
                : Health.outOfService().withDetail("registry", "loading the served models").build();
    }

}
