package io.curio.gateway.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ResponseCacheTests {

    private static final CacheKey ALICE = new CacheKey("alice", "free", "", "limit=5");

    private static final CacheKey BOB = new CacheKey("bob", "free", "", "limit=5");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final ResponseCache cache = new ResponseCache(Defaults.properties(), meters);

    @Test
    void evictsOnlyTheUsersLists() {
        cache.keep(ALICE, new byte[] { 1 }, cache.ticket());
        cache.keep(BOB, new byte[] { 2 }, cache.ticket());

        cache.evictUser("alice");

        assertThat(cache.find(ALICE)).isEmpty();
        assertThat(cache.find(BOB)).contains(new byte[] { 2 });
    }

    @Test
    void doesNotKeepAListFetchedBeforeTheUsersEviction() {
        long ticket = cache.ticket();
        cache.evictUser("alice");

        cache.keep(ALICE, new byte[] { 1 }, ticket);

        assertThat(cache.find(ALICE)).isEmpty();
    }

    @Test
    void countsHitsAndMisses() {
        cache.find(ALICE);
        cache.keep(ALICE, new byte[] { 1 }, cache.ticket());
        cache.find(ALICE);

        assertThat(meters.get("curio.gateway.cache.requests").tag("result", "hit").counter().count()).isEqualTo(1);
        assertThat(meters.get("curio.gateway.cache.requests").tag("result", "miss").counter().count()).isEqualTo(1);
    }
}
