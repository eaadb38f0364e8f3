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
 * Lets the decoder fetch the identity provider's JWK set at most once per interval. The decoder fetches the set
 * again whenever a token names a key ({@code kid}) its cached copy lacks, so without a limit any caller could make
 * the gateway call the identity provider on every request with made-up key ids. A fetch asked for within the
 * interval after the last one started is answered with the copy fetched last, without any network call.
 * <p>
 * The interval is claimed when a fetch starts, so while one fetch is under way, concurrent requests with unknown
 * keys are answered with the previous copy instead of fetching too; a fetch that fails keeps its claim, so a
 * failing provider is not hammered either. Before the first successful fetch there is no copy to answer with,
 * and every fetch goes to the provider.
 */
final class JwkSetFetchLimit implements ExchangeFilterFunction {

    private final Clock clock;

    private final Duration interval;

    private final AtomicReference<JwkSetCopy> latest = new AtomicReference<>();

    JwkSetFetchLimit(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        Instant now = clock.instant();
        JwkSetCopy copy = latest.get();
        if (copy != null && !claimFetch(copy, now)) {
            return Mono.fromSupplier(copy::asResponse);
        }
        return next.exchange(request).flatMap(response -> keep(response, now));
    }

    /** Whether this caller may fetch now: the interval has passed and no concurrent caller claimed it first. */
    private boolean claimFetch(JwkSetCopy copy, Instant now) {
        return !now.isBefore(copy.claimedAt().plus(interval)) && latest.compareAndSet(copy, copy.claimedAt(now));
    }

    private Mono<ClientResponse> keep(ClientResponse response, Instant claimedAt) {
        if (!response.statusCode().is2xxSuccessful()) {
            return Mono.just(response);
        }
        return response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .map(body -> {
                    JwkSetCopy fetched = new JwkSetCopy(claimedAt, body);
                    latest.set(fetched);
                    return fetched.asResponse();
                });
    }

    /** The JWK set document fetched last, and when the interval it counts against began. */
    private record JwkSetCopy(Instant claimedAt, String body) {

        JwkSetCopy claimedAt(Instant now) {
            return new JwkSetCopy(now, body);
        }

        ClientResponse asResponse() {
            return ClientResponse.create(HttpStatus.OK)
                    .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                    .body(body)
                    .build();
        }
    }
}
