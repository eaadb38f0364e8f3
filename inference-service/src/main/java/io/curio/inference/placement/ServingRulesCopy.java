package io.curio.inference.placement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.curio.assignment.ServingRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The local copy of abtest-service's serving rules that every request is placed with, so that placing costs no
 * network hop. {@link #refresh()} revalidates it with {@code If-None-Match}; when abtest-service cannot be read
 * the last copy stays in use ({@link ServingRules#NONE}, the default model for everyone, until a first copy
 * arrives).
 */
public class ServingRulesCopy implements Supplier<ServingRules> {

    private static final Logger logger = LoggerFactory.getLogger(ServingRulesCopy.class);

    static final String PATH = "/internal/serving-rules";

    private final RestClient abtest;

    private final Clock clock;

    private final Consumer<ServingRules> changed;

    private final Counter failures;

    private final AtomicReference<Copy> current;

    private volatile String lastFailure;

    /**
     * @param changed told of every new copy, on the refreshing thread
     */
    public ServingRulesCopy(RestClient abtest, Clock clock, MeterRegistry meters, Consumer<ServingRules> changed) {
        this.abtest = abtest;
        this.clock = clock;
        this.changed = changed;
        this.current = new AtomicReference<>(new Copy(ServingRules.NONE, null, clock.instant(), false));
        this.failures = Counter.builder("curio.inference.serving-rules.failures")
            .description("Refreshes of the serving rules that could not read abtest-service")
            .register(meters);
        Gauge.builder("curio.inference.serving-rules.age", this, (copy) -> copy.age().toMillis() / 1000.0)
            .description("Seconds since abtest-service last confirmed the serving rules in use")
            .baseUnit("seconds")
            .register(meters);
    }

    /** The rules in use now. */
    @Override
    public ServingRules get() {
        return this.current.get().rules();
    }

    /** Asks abtest-service whether the rules changed and keeps the answer; never throws. */
    public void refresh() {
        Copy known = this.current.get();
        try {
            keep(known, fetch(known.etag()));
            this.lastFailure = null;
        }
        catch (RestClientException ex) {
            failed(ex);
        }
    }

    /** How long ago abtest-service last confirmed the rules in use (since start-up before it ever did). */
    public Duration age() {
        return Duration.between(this.current.get().confirmedAt(), this.clock.instant());
    }

    /** What the health endpoint shows about the copy. */
    public Status status() {
        Copy copy = this.current.get();
        return new Status(copy.loaded(), copy.etag(), copy.rules().experiments().size(),
                copy.rules().canaries().size(), age().toSeconds(), this.lastFailure);
    }

    private ResponseEntity<ServingRules> fetch(String etag) {
        return this.abtest.get()
            .uri(PATH)
            .headers((headers) -> {
                if (etag != null) {
                    headers.setIfNoneMatch(etag);
                }
            })
            .retrieve()
            .toEntity(ServingRules.class);
    }

    private void keep(Copy known, ResponseEntity<ServingRules> answer) {
        Copy next = (answer.getStatusCode() == HttpStatus.NOT_MODIFIED || answer.getBody() == null)
                ? known.confirmed(this.clock.instant())
                : new Copy(answer.getBody(), answer.getHeaders().getETag(), this.clock.instant(), true);
        this.current.set(next);
        if (next.rules() != known.rules()) {
            this.changed.accept(next.rules());
        }
    }

    private void failed(RestClientException ex) {
        this.failures.increment();
        if (this.lastFailure == null) {
            logger.warn("Cannot read the serving rules from abtest-service; placing requests with the last copy",
                    ex);
        }
        else {
            logger.debug("Serving rules still unreadable", ex);
        }
        this.lastFailure = ex.getMessage();
    }

    private record Copy(ServingRules rules, String etag, Instant confirmedAt, boolean loaded) {

        Copy confirmed(Instant at) {
            return new Copy(this.rules, this.etag, at, this.loaded);
        }

    }

    /**
     * @param loaded whether abtest-service has answered at least once
     * @param etag the version of the rules in use
     * @param experiments running experiments in the rules
     * @param canaries canaries in the rules
     * @param ageSeconds seconds since abtest-service last confirmed the rules
     * @param lastFailure why the last refresh failed, or {@code null} when it succeeded
     */
    public record Status(boolean loaded, String etag, int experiments, int canaries, long ageSeconds,
            String lastFailure) {
    }

}
