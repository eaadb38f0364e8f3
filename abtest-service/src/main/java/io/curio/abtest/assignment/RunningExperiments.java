package io.curio.abtest.assignment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.curio.abtest.AbtestProperties;
import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.ExperimentChanged;
import io.curio.abtest.experiment.ExperimentStore;

/**
 * The running experiments, one per surface, kept in memory so that an assignment needs no database read.
 * Reloaded after every change committed through this instance and every {@code curio.abtest.refresh-interval}
 * for changes made through other instances. When a reload fails the previous copy keeps serving. Every
 * successful reload is announced with {@link RunningExperimentsLoaded}.
 */
@Component
public class RunningExperiments {

    private static final Log logger = LogFactory.getLog(RunningExperiments.class);

    private final ExperimentStore store;

    private final TaskScheduler scheduler;

    private final AbtestProperties properties;

    private final ApplicationEventPublisher events;

    private volatile Map<String, Experiment> bySurface = Map.of();

    private volatile boolean failing;

    RunningExperiments(ExperimentStore store, TaskScheduler scheduler, AbtestProperties properties,
            ApplicationEventPublisher events) {
        this.store = store;
        this.scheduler = scheduler;
        this.properties = properties;
        this.events = events;
    }

    public Optional<Experiment> on(String surface) {
        return Optional.ofNullable(this.bySurface.get(surface));
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleRefresh() {
        refresh();
        this.scheduler.scheduleWithFixedDelay(this::refresh, this.properties.refreshInterval());
    }

    @TransactionalEventListener
    void experimentChanged(ExperimentChanged change) {
        refresh();
    }

    /** Reloads the running experiments from the database. */
    public void refresh() {
        try {
            List<Experiment> running = this.store.findRunning();
            this.bySurface = running.stream().collect(Collectors.toUnmodifiableMap(Experiment::surface,
                    Function.identity()));
            this.failing = false;
            this.events.publishEvent(new RunningExperimentsLoaded(running));
        }
        catch (DataAccessException ex) {
            reportFailedRefresh(ex);
        }
    }

    private void reportFailedRefresh(DataAccessException ex) {
        if (!this.failing) {
            logger.warn("Could not reload the running experiments; assignments use the previous copy", ex);
            this.failing = true;
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Reloading the running experiments still fails", ex);
        }
    }

}
