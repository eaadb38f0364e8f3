package io.curio.gateway.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RecommendationCacheTests {

    private final AtomicLong clock = new AtomicLong();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final RecommendationCache cache = new RecommendationCache(
            new RecommendationsProperties.Cache(Duration.ofMinutes(1), 100, Duration.ZERO), meters,
            clock::incrementAndGet);

    @Test
    void evictsOnlyTheUsersLists() {
        // given
        ListRequest alice = request("alice");
        ListRequest bob = request("bob");
        cache.store(alice, list(), cache.now());
        cache.store(bob, list(), cache.now());

        // when
        cache.evictUser("alice");

        // then
        assertThat(cache.find(alice)).isEmpty();
        assertThat(cache.find(bob)).isPresent();
    }

    @Test
    void dropsAListComputedWhileTheUsersListsWereEvicted() {
        // given
        long startedAt = cache.now();
        cache.evictUser("alice");

        // when
        cache.store(request("alice"), list(), startedAt);

        // then
        assertThat(cache.find(request("alice"))).isEmpty();
    }

    @Test
    void dropsAListStartedWhileTheUsersEventSettles() {
        // given: lists started within 5 s of the user's event may not reflect it yet
        AtomicLong nanos = new AtomicLong();
        RecommendationCache settling = new RecommendationCache(
                new RecommendationsProperties.Cache(Duration.ofMinutes(1), 100, Duration.ofSeconds(5)), meters,
                nanos::get);
        settling.evictUser("alice");

        // when
        nanos.set(Duration.ofSeconds(4).toNanos());
        settling.store(request("alice"), list(), settling.now());
        boolean keptWhileSettling = settling.find(request("alice")).isPresent();
        nanos.set(Duration.ofSeconds(6).toNanos());
        settling.store(request("alice"), list(), settling.now());

        // then
        assertThat(keptWhileSettling).isFalse();
        assertThat(settling.find(request("alice"))).isPresent();
    }

    @Test
    void keepsAListComputedAfterAnEviction() {
        // given
        cache.evictUser("alice");

        // when
        cache.store(request("alice"), list(), cache.now());

        // then
        assertThat(cache.find(request("alice"))).isPresent();
    }

    @Test
    void countsHitsAndMisses() {
        // given
        cache.store(request("alice"), list(), cache.now());

        // when
        cache.find(request("alice"));
        cache.find(request("bob"));

        // then
        assertThat(meters.counter("curio.gateway.cache.requests", "result", "hit").count()).isEqualTo(1);
        assertThat(meters.counter("curio.gateway.cache.requests", "result", "miss").count()).isEqualTo(1);
        assertThat(meters.get("curio.gateway.cache.size").gauge().value()).isEqualTo(1);
    }

    private static ListRequest request(String user) {
        return ListRequest.of(user, "free", null, Map.of());
    }

    private static CachedList list() {
        return new CachedList("{}".getBytes(), "application/json");
    }
}
