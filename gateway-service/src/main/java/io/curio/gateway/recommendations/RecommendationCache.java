package io.curio.gateway.recommendations;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Recent lists per {@link ListRequest}, in memory, each kept for the configured time to live. A user's entries
 * are evicted at once when one of their events is accepted; a list whose computation started before such an
 * eviction, or within the configured {@code afterEvent} after it, is not stored, so an answer that may predate the
 * event's effect on inference-service never outlives it. Counts lookups in
 * {@code curio.gateway.cache.requests} and exposes the entry count as {@code curio.gateway.cache.size}.
 */
public class RecommendationCache {

    private static final Duration EVICTIONS_KEPT_BEYOND_SETTLING = Duration.ofMinutes(1);

    private final Cache<ListRequest, CachedList> lists;

    /** When each user's entries were last evicted, on {@link #clock}, long enough to outlast any request. */
    private final Cache<String, Long> evictions;

    private final LongSupplier clock;

    /** {@code afterEvent} on {@link #clock}, which counts nanoseconds. */
    private final long settlingNanos;

    private final Counter hits;

    private final Counter misses;

    private final Counter bypasses;

    public RecommendationCache(RecommendationsProperties.Cache settings, MeterRegistry meters, LongSupplier clock) {
        this.lists = Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl())
                .maximumSize(settings.maxEntries())
                .build();
        this.evictions = Caffeine.newBuilder()
                .expireAfterWrite(settings.afterEvent().plus(EVICTIONS_KEPT_BEYOND_SETTLING))
                .build();
        this.clock = clock;
        this.settlingNanos = settings.afterEvent().toNanos();
        this.hits = lookups(meters, "hit");
        this.misses = lookups(meters, "miss");
        this.bypasses = lookups(meters, "bypass");
        Gauge.builder("curio.gateway.cache.size", lists, Cache::estimatedSize)
                .description("Recommendation lists held in this instance's cache")
                .register(meters);
    }

    /** The list cached for the request, counted as a hit or a miss. */
    public Optional<CachedList> find(ListRequest request) {
        CachedList found = lists.getIfPresent(request);
        (found == null ? misses : hits).increment();
        return Optional.ofNullable(found);
    }

    /** Counts a request that skipped the lookup on the caller's demand. */
    public void bypassed() {
        bypasses.increment();
    }

    /** The time to pass to {@link #store} for a list whose computation starts now. */
    public long now() {
        return clock.getAsLong();
    }

    /**
     * Keeps a list unless the user's entries were evicted since {@code startedAt}, or less than
     * {@code afterEvent} before it.
     *
     * @param startedAt {@link #now()} taken before the list was asked for
     */
    public void store(ListRequest request, CachedList list, long startedAt) {
        if (evictedSince(request.userId(), startedAt)) {
            return;
        }
        lists.put(request, list);
        // an eviction between the check and the put must still win
        if (evictedSince(request.userId(), startedAt)) {
            lists.invalidate(request);
        }
    }

    /** Forgets every list of the user, and any of theirs still being computed. */
    public void evictUser(String userId) {
        evictions.put(userId, clock.getAsLong());
        lists.asMap().keySet().removeIf(request -> request.userId().equals(userId));
    }

    private boolean evictedSince(String userId, long startedAt) {
        Long evictedAt = evictions.getIfPresent(userId);
        return evictedAt != null && evictedAt + settlingNanos - startedAt >= 0;
    }

    private static Counter lookups(MeterRegistry meters, String result) {
        return Counter.builder("curio.gateway.cache.requests")
                .description("Lookups of recommendation lists in the cache, by result")
                .tag("result", result)
                .register(meters);
    }
}
