package io.curio.feature.attributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Brings book and user attributes up to the newest snapshot in the data hub. One refresh runs at a
 * time, whether the schedule or an operator started it. A malformed snapshot is refused whole and
 * refused once: it is remembered, so the schedule does not read it again. After each refresh the
 * time the snapshot in force was last known current follows ingestion's confirmation of it, so that
 * an unchanged catalogue does not look stale.
 */
@Component
public class SnapshotRefresh {

    private static final Logger logger = LoggerFactory.getLogger(SnapshotRefresh.class);

    private final HubSnapshots hub;

    private final AttributeTables tables;

    private final SnapshotParser parser = new SnapshotParser();

    private final Clock clock;

    private final MeterRegistry meters;

    private final Map<Entity, AtomicReference<AppliedSnapshot>> inForce = new EnumMap<>(Entity.class);

    private final Map<Entity, SnapshotKey> lastRefused = new EnumMap<>(Entity.class);

    SnapshotRefresh(HubSnapshots hub, AttributeTables tables, Clock clock, MeterRegistry meters) {
        this.hub = hub;
        this.tables = tables;
        this.clock = clock;
        this.meters = meters;
        for (Entity entity : Entity.values()) {
            this.inForce.put(entity, new AtomicReference<>());
            registerAge(entity);
        }
    }

    /** Applies the newest snapshot of every entity that is newer than the one in force. */
    public synchronized Map<String, RefreshOutcome> refresh() {
        Map<String, RefreshOutcome> outcomes = new LinkedHashMap<>();
        for (Entity entity : Entity.values()) {
            outcomes.put(entity.wireName(), refresh(entity));
            confirm(entity);
        }
        return outcomes;
    }

    /** The snapshot of an entity in force as of the last refresh, if any. */
    Optional<AppliedSnapshot> inForce(Entity entity) {
        return Optional.ofNullable(this.inForce.get(entity).get());
    }

    private RefreshOutcome refresh(Entity entity) {
        Optional<AppliedSnapshot> applied = this.tables.applied(entity);
        applied.ifPresent((stored) -> this.inForce.get(entity).updateAndGet((held) -> sameSnapshot(held, stored)));
        Optional<SnapshotKey> newest = this.hub.newest(entity, applied.map(AppliedSnapshot::key));
        if (newest.isEmpty()) {
            return applied.map((current) -> RefreshOutcome.current(current.key())).orElseGet(RefreshOutcome::none);
        }
        SnapshotKey candidate = newest.get();
        if (applied.isPresent() && !candidate.isNewerThan(applied.get().key())) {
            return RefreshOutcome.current(applied.get().key());
        }
        if (candidate.equals(this.lastRefused.get(entity))) {
            return RefreshOutcome.refused(candidate, "refused before");
        }
        return apply(candidate);
    }

    private RefreshOutcome apply(SnapshotKey key) {
        try {
            RefreshOutcome outcome = parseAndApply(key);
            this.meters.counter("curio.feature.snapshot.applied", "entity", key.entity().wireName()).increment();
            return outcome;
        }
        catch (MalformedSnapshotException ex) {
            logger.warn("Refused attribute snapshot: {}", ex.getMessage());
            this.lastRefused.put(key.entity(), key);
            this.meters.counter("curio.feature.snapshot.refused", "entity", key.entity().wireName()).increment();
            return RefreshOutcome.refused(key, ex.getMessage());
        }
    }

    private RefreshOutcome parseAndApply(SnapshotKey key) {
        byte[] json = this.hub.read(key);
        Instant now = this.clock.instant();
        if (key.entity() == Entity.BOOKS) {
            Snapshot<BookAttributes> books = this.parser.books(key, json);
            return applied(books, this.tables.applyBooks(books, now));
        }
        Snapshot<UserAttributes> users = this.parser.users(key, json);
        return applied(users, this.tables.applyUsers(users, now));
    }

    private RefreshOutcome applied(Snapshot<?> snapshot, AttributeTables.Changes changes) {
        this.inForce.get(snapshot.key().entity()).set(new AppliedSnapshot(snapshot.key(), snapshot.polledAt()));
        return RefreshOutcome.applied(snapshot.key(), changes);
    }

    private static AppliedSnapshot sameSnapshot(AppliedSnapshot held, AppliedSnapshot stored) {
        return (held != null && held.key().equals(stored.key())) ? held : stored;
    }

    /** Moves the time the snapshot in force was known current to ingestion's last confirmation of it. */
    private void confirm(Entity entity) {
        AtomicReference<AppliedSnapshot> held = this.inForce.get(entity);
        if (held.get() != null) {
            this.hub.confirmation(entity)
                .ifPresent((confirmation) -> held.updateAndGet((applied) -> applied.confirmedBy(confirmation)));
        }
    }

    private void registerAge(Entity entity) {
        AtomicReference<AppliedSnapshot> applied = this.inForce.get(entity);
        Gauge.builder("curio.feature.attributes.snapshot.age", applied, (held) -> ageSeconds(held.get()))
            .tag("entity", entity.wireName())
            .baseUnit("seconds")
            .description("Seconds since the snapshot in force was last known current")
            .register(this.meters);
    }

    /** Seconds since the snapshot was last known current, or NaN when there is none. */
    double ageSeconds(AppliedSnapshot snapshot) {
        if (snapshot == null) {
            return Double.NaN;
        }
        return Duration.between(snapshot.currentAt(), this.clock.instant()).toMillis() / 1000.0;
    }

}
