package io.curio.feature.attributes;

import io.curio.feature.FeatureProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Refreshes attributes every {@code curio.features.snapshot-poll-interval}. A failing data hub or
 * database is reported once at WARN and then at DEBUG until a refresh succeeds again.
 */
@Configuration(proxyBeanMethods = false)
class SnapshotPolling implements SchedulingConfigurer {

    private static final Logger logger = LoggerFactory.getLogger(SnapshotPolling.class);

    private final SnapshotRefresh refresh;

    private final FeatureProperties properties;

    private boolean failing;

    SnapshotPolling(SnapshotRefresh refresh, FeatureProperties properties) {
        this.refresh = refresh;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::poll, this.properties.snapshotPollInterval());
    }

    private void poll() {
        try {
            this.refresh.refresh();
            this.failing = false;
        }
        catch (RuntimeException ex) {
            reportFailure(ex);
        }
    }

    private void reportFailure(RuntimeException ex) {
        if (this.failing) {
            logger.debug("Attribute snapshot refresh still failing", ex);
            return;
        }
        this.failing = true;
        logger.warn("Attribute snapshot refresh failed; attributes in force stay as they are", ex);
    }

}
