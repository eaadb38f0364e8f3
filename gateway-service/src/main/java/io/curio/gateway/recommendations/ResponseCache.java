package io.curio.gateway.recommendations;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Recommendation lists answered with 200, kept briefly per user and parameters. An accepted event of a user
 * evicts every list of that user, and a list fetched before that eviction is not kept after it.
 */
class ResponseCache {

    private final Cache<CacheKey, byte[]> lists;

    private final Cache<String, Long> evictions;

    private final AtomicLong tickets = new AtomicLong();

    private final Counter hits;

    private final Counter misses;

    ResponseCache(RecommendationsProperties properties, MeterRegistry meters) {
        this.lists = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl())
                .maximumSize(properties.cacheMaxEntries()).build();
        this.evictions = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl())
                .maximumSize(properties.cacheMaxEntries()).build();
        this.hits = requests(meters, "hit");
        this.misses = requests(meters, "miss");
    }

    /** The list kept for a key, counted as a hit or a miss. */
    Optional<byte[]> find(CacheKey key) {
        Optional<byte[]> found = Optional.ofNullable(lists.getIfPresent(key));
        (found.isPresent() ? hits : misses).increment();
        return found;
    }

    /** Taken when a request goes to the service; {@link #keep} compares it with the user's latest eviction. */
    long ticket() {
        return tickets.get();
    }

    void keep(CacheKey key, byte[] body, long ticket) {
        Long evicted = evictions.getIfPresent(key.userId());
        if (evicted == null || evicted <= ticket) {
            lists.put(key, body);
        }
    }

    void evictUser(String userId) {
        evictions.put(userId, tickets.incrementAndGet());
        lists.asMap().keySet().removeIf(key -> key.userId().equals(userId));
    }

    private static Counter requests(MeterRegistry meters, String result) {
        return Counter.builder("curio.gateway.cache.requests")
                .description("Recommendation requests answered from the response cache (hit) or not (miss)")
                .tag("result", result)
                .register(meters);
    }
}
