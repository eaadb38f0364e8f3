package io.curio.ingestion.attributes;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.curio.events.DataHubKeys;
import io.curio.ingestion.datahub.DataHubWriter;
import io.curio.ingestion.datahub.HubObjectKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Polls the book and user attribute endpoints and writes one snapshot per entity to the data hub,
 * on a schedule (first run at startup) and on demand. A failing endpoint writes nothing: its poll is
 * counted, logged once until it recovers, and recorded.
 */
@Service
public class AttributeSnapshots {

    private static final Log logger = LogFactory.getLog(AttributeSnapshots.class);

    private final AttributePager pager;

    private final AttributeSettings settings;

    private final DataHubWriter writer;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final MeterRegistry meters;

    private final JsonMapper mapper = JsonMapper.builder().build();

    private final Map<AttributeEntity, Boolean> lastFailed = new EnumMap<>(AttributeEntity.class);

    public AttributeSnapshots(AttributePager pager, AttributeSettings settings, DataHubWriter writer, JdbcClient jdbc,
            Clock clock, MeterRegistry meters) {
        this.pager = pager;
        this.settings = settings;
        this.writer = writer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
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
        URI url = this.settings.url(entity);
        Instant polledAt = this.clock.instant();
        EntityPoll outcome;
        try {
            List<JsonNode> items = this.pager.fetchAll(url);
            String key = DataHubKeys.attributeSnapshot(entity.entityName(), polledAt);
            this.writer.write(key, snapshot(entity, polledAt, url, items), kind(entity));
            outcome = EntityPoll.written(items.size(), key);
        }
        catch (RuntimeException ex) {
            logFailure(entity, ex);
            outcome = EntityPoll.failed(ex.getMessage());
        }
        record(entity, polledAt, outcome);
        return outcome;
    }

    private byte[] snapshot(AttributeEntity entity, Instant polledAt, URI url, List<JsonNode> items) {
        ObjectNode snapshot = this.mapper.createObjectNode();
        snapshot.put("entity", entity.entityName());
        snapshot.put("polledAt", polledAt.toString());
        snapshot.put("source", url.toString());
        snapshot.putArray("items").addAll(items);
        return this.mapper.writeValueAsBytes(snapshot);
    }

    private static HubObjectKind kind(AttributeEntity entity) {
        return (entity == AttributeEntity.BOOKS) ? HubObjectKind.BOOKS : HubObjectKind.USERS;
    }

    private void logFailure(AttributeEntity entity, RuntimeException ex) {
        if (!Boolean.TRUE.equals(this.lastFailed.get(entity))) {
            logger.warn("No " + entity.entityName() + " snapshot written; keeps failing quietly until it recovers", ex);
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("No " + entity.entityName() + " snapshot written", ex);
        }
    }

    private void record(AttributeEntity entity, Instant polledAt, EntityPoll outcome) {
        this.lastFailed.put(entity, !outcome.succeeded());
        String result = outcome.succeeded() ? "success" : "failure";
        this.meters.counter("curio.ingestion.attributes.polls", "entity", entity.entityName(), "outcome", result)
            .increment();
        this.jdbc.sql("INSERT INTO attribute_polls (entity, polled_at, outcome, items, snapshot_key, error) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
            .params(entity.entityName(), polledAt.atOffset(ZoneOffset.UTC), result, outcome.items(), outcome.key(),
                    truncate(outcome.error()))
            .update();
    }

    private static String truncate(String error) {
        return (error == null || error.length() <= 1000) ? error : error.substring(0, 1000);
    }

}
