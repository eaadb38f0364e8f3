package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

class JwkSetFetchThrottleTests {

    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    private static final ClientRequest FETCH =
            ClientRequest.create(HttpMethod.GET, URI.create("http://127.0.0.1/jwks")).build();

    private final AtomicInteger fetches = new AtomicInteger();

    private final ExchangeFunction identityProvider = request -> Mono.fromSupplier(() -> ClientResponse
            .create(HttpStatus.OK)
            .body("{\"keys\":[],\"fetch\":" + fetches.incrementAndGet() + "}")
            .build());

    @ParameterizedTest(name = "{0} s after the last fetch, the set of fetch {1}")
    @CsvSource({ "0, 1", "29, 1", "30, 2" })
    void answersTheLastSetWithinTheIntervalAndFetchesAfterIt(long secondsLater, int expectedFetch) {
        // given
        MutableClock clock = new MutableClock(START);
        JwkSetFetchThrottle throttle = new JwkSetFetchThrottle(clock, Duration.ofSeconds(30));
        fetch(throttle);

        // when
        clock.now = START.plusSeconds(secondsLater);
        String body = fetch(throttle);

        // then
        assertThat(fetches).hasValue(expectedFetch);
        assertThat(body).contains("\"fetch\":" + expectedFetch);
    }

    @Test
    void keepsNothingFromAFailedFetch() {
        // given
        JwkSetFetchThrottle throttle =
                new JwkSetFetchThrottle(Clock.fixed(START, ZoneOffset.UTC), Duration.ofSeconds(30));
        ExchangeFunction failing = request -> Mono.just(ClientResponse.create(HttpStatus.BAD_GATEWAY).build());
        throttle.filter(FETCH, failing).block();

        // when
        String body = fetch(throttle);

        // then
        assertThat(body).contains("\"fetch\":1");
    }

    private String fetch(JwkSetFetchThrottle throttle) {
        return throttle.filter(FETCH, identityProvider).flatMap(response -> response.bodyToMono(String.class)).block();
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
