package io.curio.abtest.assignment;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.curio.abtest.AbtestProperties;
import io.curio.abtest.canary.CanaryChanged;
import io.curio.abtest.canary.CanaryStore;
import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.ExperimentChanged;
import io.curio.abtest.experiment.ExperimentStore;
import io.curio.assignment.ServingRules;

/**
 * The serving rules (running experiments, one per surface; winners of stopped experiments; canaries in
 * progress) kept in memory, so that neither an assignment nor a poll of the rules needs a database read.
 * Reloaded after every change of an experiment or canary committed through this instance and every
 * {@code curio.abtest.refresh-interval} for changes made through other instances. When a reload fails the
 * previous copy keeps serving. Every successful reload is announced with {@link RunningExperimentsLoaded}.
 */
@Component
public class RunningExperiments {

    private static final Log logger = LogFactory.getLog(RunningExperiments.class);

    private final ExperimentStore store;

    private final CanaryStore canaries;

    private final JsonMapper mapper;

    private final TaskScheduler scheduler;

    private final AbtestProperties properties;

    private final ApplicationEventPublisher events;

    private volatile PublishedRules published;

    private volatile boolean failing;

    RunningExperiments(ExperimentStore store, CanaryStore canaries, JsonMapper mapper, TaskScheduler scheduler,
            AbtestProperties properties, ApplicationEventPublisher events) {
        this.store = store;
        this.canaries = canaries;
        this.mapper = mapper;
        this.scheduler = scheduler;
        this.properties = properties;
        this.events = events;
        this.published = PublishedRules.of(ServingRules.NONE, mapper.writeValueAsString(ServingRules.NONE));
    }

    /** The rules of the latest successful reload. */
    public ServingRules rules() {
        return this.published.rules();
    }

    PublishedRules published() {
        return this.published;
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

    @TransactionalEventListener
    void canaryChanged(CanaryChanged change) {
        refresh();
    }

    /** Reloads the serving rules from the database. */
    public void refresh() {
        try {
            List<Experiment> running = this.store.findRunning();
            ServingRules rules = new ServingRules(running.stream().map(Experiment::running).toList(),
                    this.store.findWinners(), this.canaries.findServing());
            this.published = PublishedRules.of(rules, this.mapper.writeValueAsString(rules));
            this.failing = false;
            this.events.publishEvent(new RunningExperimentsLoaded(running));
        }
        catch (DataAccessException ex) {
            reportFailedRefresh(ex);
        }
    }

    private void reportFailedRefresh(DataAccessException ex) {
        if (!this.failing) {
            logger.warn("Could not reload the serving rules; the previous copy keeps serving", ex);
            this.failing = true;
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Reloading the serving rules still fails", ex);
        }
    }

}
