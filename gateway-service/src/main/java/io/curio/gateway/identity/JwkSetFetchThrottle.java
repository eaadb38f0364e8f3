package io.curio.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Fetches the identity provider's JWK set at most once per interval. The decoder fetches the set again whenever
 * a token names a key it does not hold, so without this any caller could make the gateway call the identity
 * provider once per request by sending tokens with made-up {@code kid}s. Within the interval, the last set
 * fetched is answered again.
 */
class JwkSetFetchThrottle implements ExchangeFilterFunction {

    private final Clock clock;

    private final Duration interval;

    private final AtomicReference<Fetched> last = new AtomicReference<>();

    JwkSetFetchThrottle(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        Fetched fetched = last.get();
        Instant now = clock.instant();
        if (fetched != null && now.isBefore(fetched.at().plus(interval))) {
            return Mono.just(fetched.response());
        }
        return next.exchange(request).flatMap(response -> keepWhenFetched(response, now));
    }

    private Mono<ClientResponse> keepWhenFetched(ClientResponse response, Instant now) {
        if (!response.statusCode().is2xxSuccessful()) {
            return Mono.just(response);
        }
        return response.bodyToMono(String.class).map(body -> {
            Fetched fetched = new Fetched(now, body);
            last.set(fetched);
            return fetched.response();
        });
    }

    /** A JWK set as fetched, and when. */
    private record Fetched(Instant at, String body) {

        ClientResponse response() {
            return ClientResponse.create(HttpStatus.OK)
                    .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                    .body(body)
                    .build();
        }
    }
}
