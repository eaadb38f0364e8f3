package io.curio.gateway.ratelimit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import io.curio.gateway.identity.Caller;
import io.curio.gateway.identity.Plan;

/**
 * Limits each user by the plan in their token, with one token bucket and one daily count per user in Redis. When
 * Redis fails to answer in time, this instance limits in memory at the free plan's rate and burst (the daily quota
 * is then neither enforced nor counted), counts each such decision, and does not ask Redis again for
 * {@code redis-backoff}, so that requests are not held up by a Redis known to be failing.
 */
@Component
public class PlanRateLimiter {

    private static final Log logger = LogFactory.getLog(PlanRateLimiter.class);

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    static final RedisScript<List> TOKEN_BUCKET =
            RedisScript.of(new ClassPathResource("io/curio/gateway/ratelimit/token-bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;

    private final RateLimitProperties properties;

    private final LocalRateLimiter local;

    private final Clock clock;

    private final Map<Plan, Map<LimitHit, Counter>> rejected = new EnumMap<>(Plan.class);

    private final Counter fallback;

    private final AtomicBoolean redisFailing = new AtomicBoolean();

    private volatile long redisOnHoldUntilMillis;

    @Autowired
    public PlanRateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, MeterRegistry meters) {
        this(redis, properties, meters, Clock.systemUTC());
    }

    PlanRateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, MeterRegistry meters,
            Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.local = new LocalRateLimiter(clock);
        this.clock = clock;
        for (Plan plan : Plan.values()) {
            rejected.put(plan, rejectionCounters(plan, meters));
        }
        this.fallback = Counter.builder("curio.gateway.ratelimit.fallback")
                .description("Rate-limit decisions made in memory because Redis did not answer or was on hold")
                .register(meters);
    }

    public Mono<RateLimitDecision> take(Caller caller) {
        Mono<RateLimitDecision> decision = redisOnHold()
                ? Mono.fromSupplier(() -> takeLocally(caller))
                : takeFromRedis(caller)
                        .doOnNext(taken -> redisAnswered())
                        .onErrorResume(ex -> Mono.fromSupplier(() -> takeAfterFailure(caller, ex)));
        return decision.doOnNext(taken -> countRefusal(caller, taken));
    }

    /** Whether Redis answered the last decision it was asked for; decisions are made in memory while it did not. */
    public boolean redisAvailable() {
        return !redisFailing.get();
    }

    private Mono<RateLimitDecision> takeFromRedis(Caller caller) {
        PlanLimit limit = properties.limitOf(caller.plan());
        // two namespaces, so that no user id, whatever it holds, names another user's key or a key of the other kind
        String bucket = properties.keyPrefix() + "bucket:" + caller.userId();
        String day = properties.keyPrefix() + "day:" + LocalDate.now(clock.withZone(ZoneOffset.UTC)).format(DAY)
                + ":" + caller.userId();
        return redis.execute(TOKEN_BUCKET, List.of(bucket, day), List.of(Double.toString(limit.rate()),
                        Integer.toString(limit.burst()), Long.toString(limit.scriptQuota())))
                .next()
                .timeout(properties.redisTimeout())
                .map(PlanRateLimiter::decisionOf);
    }

    private RateLimitDecision takeAfterFailure(Caller caller, Throwable cause) {
        redisOnHoldUntilMillis = clock.millis() + properties.redisBackoff().toMillis();
        if (redisFailing.compareAndSet(false, true)) {
            logger.warn("Redis did not answer a rate-limit decision; limiting in memory at the free plan's limits "
                    + "and asking Redis again in " + properties.redisBackoff(), cause);
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Redis still unavailable for rate limiting: " + cause);
        }
        return takeLocally(caller);
    }

    private RateLimitDecision takeLocally(Caller caller) {
        fallback.increment();
        return local.take(caller.userId(), properties.free());
    }

    private boolean redisOnHold() {
        return clock.millis() < redisOnHoldUntilMillis;
    }

    private void redisAnswered() {
        if (redisFailing.compareAndSet(true, false)) {
            logger.warn("Redis answers rate-limit decisions again");
        }
    }

    private void countRefusal(Caller caller, RateLimitDecision decision) {
        if (!decision.allowed()) {
            rejected.get(caller.plan()).get(decision.limitHit()).increment();
        }
    }

    private static Map<LimitHit, Counter> rejectionCounters(Plan plan, MeterRegistry meters) {
        Map<LimitHit, Counter> counters = new EnumMap<>(LimitHit.class);
        for (LimitHit limit : List.of(LimitHit.BURST, LimitHit.DAILY)) {
            counters.put(limit, Counter.builder("curio.gateway.ratelimit.rejected")
                    .description("Requests refused with 429, by the caller's plan and the limit that refused them")
                    .tag("plan", plan.claimValue())
                    .tag("limit", limit.tagValue())
                    .register(meters));
        }
        return counters;
    }

    private static RateLimitDecision decisionOf(List<?> reply) {
        long allowed = ((Number) reply.get(0)).longValue();
        long remaining = ((Number) reply.get(1)).longValue();
        long retryAfter = ((Number) reply.get(2)).longValue();
        LimitHit limit = LimitHit.fromScriptCode(((Number) reply.get(3)).longValue());
        return allowed == 1 ? RateLimitDecision.allowed(remaining) : RateLimitDecision.refused(retryAfter, limit);
    }
}
