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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

class JwkSetFetchLimitTests {

    private static final Instant START = Instant.parse("2026-12-05T03:00:00Z");

    private static final ClientRequest FETCH =
            ClientRequest.create(HttpMethod.GET, URI.create("http://127.0.0.1:1/jwks")).build();

    private final AtomicInteger fetches = new AtomicInteger();

    private HttpStatus providerAnswers = HttpStatus.OK;

    private final ExchangeFunction provider = request -> Mono.fromSupplier(() -> ClientResponse
            .create(providerAnswers)
            .body("{\"keys\":[],\"fetch\":" + fetches.incrementAndGet() + "}")
            .build());

    @Test
    void answersWithCopyWithinInterval() {
        // given
        MovingClock clock = new MovingClock(START);
        JwkSetFetchLimit limit = new JwkSetFetchLimit(clock, Duration.ofSeconds(30));
        String fetched = body(limit);

        // when
        clock.now = START.plusSeconds(29);
        String again = body(limit);

        // then
        assertThat(fetched).contains("\"fetch\":1");
        assertThat(again).isEqualTo(fetched);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void fetchesAgainOnceIntervalHasPassed() {
        // given
        MovingClock clock = new MovingClock(START);
        JwkSetFetchLimit limit = new JwkSetFetchLimit(clock, Duration.ofSeconds(30));
        body(limit);

        // when
        clock.now = START.plusSeconds(30);
        String refetched = body(limit);
        String copy = body(limit);

        // then
        assertThat(refetched).contains("\"fetch\":2");
        assertThat(copy).isEqualTo(refetched);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void passesFailuresOnAndAsksAgainWhileNothingWasFetched() {
        // given
        JwkSetFetchLimit limit = new JwkSetFetchLimit(new MovingClock(START), Duration.ofSeconds(30));
        providerAnswers = HttpStatus.SERVICE_UNAVAILABLE;

        // when
        HttpStatus first = limit.filter(FETCH, provider).map(response -> (HttpStatus) response.statusCode()).block();
        providerAnswers = HttpStatus.OK;
        String second = body(limit);

        // then
        assertThat(first).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(second).contains("\"fetch\":2");
    }

    @Test
    void keepsTheLastCopyWhenRefetchFails() {
        // given
        MovingClock clock = new MovingClock(START);
        JwkSetFetchLimit limit = new JwkSetFetchLimit(clock, Duration.ofSeconds(30));
        String fetched = body(limit);
        clock.now = START.plusSeconds(31);
        providerAnswers = HttpStatus.BAD_GATEWAY;
        limit.filter(FETCH, provider).block();

        // when
        String copy = body(limit);

        // then
        assertThat(copy).isEqualTo(fetched);
        assertThat(fetches).hasValue(2);
    }

    private String body(JwkSetFetchLimit limit) {
        return limit.filter(FETCH, provider).flatMap(response -> response.bodyToMono(String.class)).block();
    }

    /** A clock a test moves by hand. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
