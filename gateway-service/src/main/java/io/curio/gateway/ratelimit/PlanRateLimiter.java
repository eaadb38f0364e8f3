package io.curio.gateway.ratelimit;

import java.time.Clock;
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
 * Limits each user by the plan in their token, with one token bucket per user in Redis. When Redis cannot
 * answer in time, this instance limits in memory at the free plan's limits and counts each such decision.
 */
@Component
public class PlanRateLimiter {

    private static final Log logger = LogFactory.getLog(PlanRateLimiter.class);

    static final RedisScript<List> TOKEN_BUCKET =
            RedisScript.of(new ClassPathResource("io/curio/gateway/ratelimit/token-bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;

    private final RateLimitProperties properties;

    private final LocalRateLimiter local;

    private final Map<Plan, Counter> rejected = new EnumMap<>(Plan.class);

    private final Counter fallback;

    private final AtomicBoolean redisFailing = new AtomicBoolean();

    @Autowired
    public PlanRateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, MeterRegistry meters) {
        this(redis, properties, meters, Clock.systemUTC());
    }

    PlanRateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, MeterRegistry meters,
            Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.local = new LocalRateLimiter(clock);
        for (Plan plan : Plan.values()) {
            rejected.put(plan, Counter.builder("curio.gateway.ratelimit.rejected")
                    .description("Requests refused with 429, by the caller's plan")
                    .tag("plan", plan.claimValue())
                    .register(meters));
        }
        this.fallback = Counter.builder("curio.gateway.ratelimit.fallback")
                .description("Rate-limit decisions made in memory because Redis did not answer")
                .register(meters);
    }

    public Mono<RateLimitDecision> take(Caller caller) {
        return takeFromRedis(caller)
                .doOnNext(decision -> redisAnswered())
                .onErrorResume(ex -> Mono.fromSupplier(() -> takeLocally(caller, ex)))
                .doOnNext(decision -> countRefusal(caller, decision));
    }

    private Mono<RateLimitDecision> takeFromRedis(Caller caller) {
        PlanLimit limit = properties.limitOf(caller.plan());
        return redis.execute(TOKEN_BUCKET, List.of(properties.keyPrefix() + caller.userId()),
                        List.of(Double.toString(limit.rate()), Integer.toString(limit.burst())))
                .next()
                .timeout(properties.redisTimeout())
                .map(PlanRateLimiter::decisionOf);
    }

    private RateLimitDecision takeLocally(Caller caller, Throwable cause) {
        fallback.increment();
        if (redisFailing.compareAndSet(false, true)) {
            logger.warn("Redis did not answer a rate-limit decision; limiting in memory at the free plan's limits",
                    cause);
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Redis still unavailable for rate limiting: " + cause);
        }
        return local.take(caller.userId(), properties.free());
    }

    private void redisAnswered() {
        if (redisFailing.compareAndSet(true, false)) {
            logger.warn("Redis answers rate-limit decisions again");
        }
    }

    private void countRefusal(Caller caller, RateLimitDecision decision) {
        if (!decision.allowed()) {
            rejected.get(caller.plan()).increment();
        }
    }

    private static RateLimitDecision decisionOf(List<?> reply) {
        long allowed = ((Number) reply.get(0)).longValue();
        long remaining = ((Number) reply.get(1)).longValue();
        long retryAfter = ((Number) reply.get(2)).longValue();
        return allowed == 1 ? RateLimitDecision.allowed(remaining) : RateLimitDecision.refused(retryAfter);
    }
}
