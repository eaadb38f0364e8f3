package io.curio.ingestion.attributes;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.curio.events.DataHubKeys;
import io.curio.ingestion.datahub.DataHubWriter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Polls the book and user attribute endpoints and writes one snapshot per entity to the data hub,
 * on a schedule (first run at startup) and on demand. The first page asks whether the collection
 * changed since the last good poll; an unchanged collection writes no snapshot and keeps the one in
 * force current. After every good poll, {@code raw/<entity>/confirmed.json} names the snapshot in
 * force and the poll time, so that readers of the hub can tell an old but current snapshot from a
 * stale one. Records that fail the {@link RecordSchema} are left out. A poll that fails, or is
 * refused for too many malformed records or for listing nothing, writes nothing: the last good
 * snapshot stays in force. Failures are logged once until the endpoint recovers.
 */
@Service
public class AttributeSnapshots {

    private static final Log logger = LogFactory.getLog(AttributeSnapshots.class);

    private final AttributePager pager;

    private final AttributeSettings settings;

    private final DataHubWriter writer;

    private final PollStates states;

    private final AttributeCircuits circuits;

    private final PollLog log;

    private final JsonMapper mapper = JsonMapper.builder().build();

    AttributeSnapshots(AttributePager pager, AttributeSettings settings, DataHubWriter writer, PollStates states,
            AttributeCircuits circuits, PollLog log) {
        this.pager = pager;
        this.settings = settings;
        this.writer = writer;
        this.states = states;
        this.circuits = circuits;
        this.log = log;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${curio.attributes.poll-interval:5m}")
    void pollOnSchedule() {
        pollAll();
    }

    /** Polls both endpoints, one after the other; concurrent calls wait for each other. */
    public synchronized PollReport pollAll() {
        return new PollReport(poll(AttributeEntity.BOOKS), poll(AttributeEntity.USERS));
    }

    private EntityPoll poll(AttributeEntity entity) {
        Instant polledAt = this.states.now();
        EntityPoll outcome = pollThroughCircuit(entity, polledAt);
        this.log.record(entity, polledAt, outcome);
        return outcome;
    }

    private EntityPoll pollThroughCircuit(AttributeEntity entity, Instant polledAt) {
        CircuitBreaker breaker = this.circuits.of(entity);
        if (!breaker.tryAcquirePermission()) {
            return EntityPoll.notWritten(PollOutcome.CIRCUIT_OPEN, "the circuit is open after "
                    + this.states.get(entity).failures() + " failed polls; the endpoint was not called");
        }
        long started = System.nanoTime();
        try {
            EntityPoll outcome = pollEndpoint(entity, polledAt);
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return outcome;
        }
        catch (RuntimeException ex) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, ex);
            return failed(entity, ex);
        }
    }

    private EntityPoll pollEndpoint(AttributeEntity entity, Instant polledAt) {
        PollState before = this.states.get(entity);
        FetchResult fetched = this.pager.fetch(this.settings.url(entity), before.version());
        EntityPoll outcome = fetched.unchanged() ? unchanged(entity, polledAt, fetched) : write(entity, polledAt,
                fetched);
        if (before.failures() > 0) {
            logger.info("The " + entity.entityName() + " endpoint answers again after " + before.failures()
                    + " failed polls");
        }
        return outcome;
    }

    private EntityPoll unchanged(AttributeEntity entity, Instant polledAt, FetchResult fetched) {
        PollState inForce = this.states.get(entity);
        if (inForce.key() == null) {
            throw new AttributeFetchFailedException(this.settings.url(entity),
                    "answered 304 Not Modified while no snapshot is in force", null);
        }
        confirm(entity, inForce.key(), polledAt);
        PollState current = this.states.update(entity, (state) -> state.unchanged(polledAt, fetched.version()));
        return EntityPoll.unchanged(current);
    }

    private EntityPoll write(AttributeEntity entity, Instant polledAt, FetchResult fetched) {
        ScreenedItems screened = RecordSchema.screen(entity, fetched.items());
        this.log.rejected(entity, screened);
        requireAcceptable(entity, screened);
        URI url = this.settings.url(entity);
        String key = DataHubKeys.attributeSnapshot(entity.entityName(), polledAt);
        this.writer.write(key, snapshot(entity, polledAt, url, screened), entity.hubKind());
        confirm(entity, key, polledAt);
        int items = screened.accepted().size();
        this.states.update(entity, (state) -> state.written(polledAt, items, key, fetched.version()));
        return EntityPoll.written(items, key, screened.rejectedCount());
    }

    private void requireAcceptable(AttributeEntity entity, ScreenedItems screened) {
        if (screened.rejectedShare() > this.settings.maxRejectedShare()) {
            throw new AttributeSnapshotRefusedException(entity, screened.rejectedCount() + " of "
                    + (screened.rejectedCount() + screened.accepted().size()) + " records are malformed "
                    + screened.rejected() + ", more than the share of " + this.settings.maxRejectedShare()
                    + " allowed");
        }
        PollState inForce = this.states.get(entity);
        if (screened.accepted().isEmpty() && this.settings.refuseEmpty() && inForce.hasItems()) {
            throw new AttributeSnapshotRefusedException(entity, "it lists no item while the snapshot in force "
                    + inForce.key() + " has " + inForce.items());
        }
    }

    private byte[] snapshot(AttributeEntity entity, Instant polledAt, URI url, ScreenedItems screened) {
        ObjectNode snapshot = this.mapper.createObjectNode();
        snapshot.put("entity", entity.entityName());
        snapshot.put("polledAt", polledAt.toString());
        snapshot.put("source", url.toString());
        snapshot.putArray("items").addAll(screened.accepted());
        ArrayNode withheld = snapshot.putArray("withheld");
        screened.withheld().forEach(withheld::add);
        return this.mapper.writeValueAsBytes(snapshot);
    }

    /** Tells readers of the hub that the snapshot {@code key} was found current at {@code at}. */
    private void confirm(AttributeEntity entity, String key, Instant at) {
        ObjectNode confirmation = this.mapper.createObjectNode();
        confirmation.put("entity", entity.entityName());
        confirmation.put("snapshot", key);
        confirmation.put("confirmedAt", at.toString());
        this.writer.write(entity.confirmationKey(), this.mapper.writeValueAsBytes(confirmation), entity.hubKind());
    }

    private EntityPoll failed(AttributeEntity entity, RuntimeException ex) {
        PollState state = this.states.update(entity, (before) -> before.failed(ex.getMessage()));
        if (state.failures() == 1) {
            logger.warn("No " + entity.entityName() + " snapshot written, the last good one stays in force; "
                    + "keeps failing quietly until it recovers", ex);
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("No " + entity.entityName() + " snapshot written", ex);
        }
        PollOutcome outcome = (ex instanceof AttributeSnapshotRefusedException) ? PollOutcome.REFUSED
                : PollOutcome.FAILURE;
        return EntityPoll.notWritten(outcome, ex.getMessage());
    }

}
