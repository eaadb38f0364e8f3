package io.curio.gateway.ratelimit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Opens the Redis connection and loads the token-bucket script once the gateway is ready, without holding up
 * startup, so that the first burst of requests does not pay for the connection handshake and the script upload
 * within its rate-limit timeout.
 */
@Component
class RedisWarmUp {

    private static final Log logger = LogFactory.getLog(RedisWarmUp.class);

    private final ReactiveRedisConnectionFactory connections;

    private final RateLimitProperties properties;

    RedisWarmUp(ReactiveRedisConnectionFactory connections, RateLimitProperties properties) {
        this.connections = connections;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Mono.usingWhen(Mono.fromSupplier(connections::getReactiveConnection), RedisWarmUp::loadScript,
                        ReactiveRedisConnection::closeLater)
                .timeout(properties.redisTimeout().multipliedBy(5))
                .subscribe(sha -> { }, RedisWarmUp::warnNotWarm);
    }

    private static Mono<String> loadScript(ReactiveRedisConnection connection) {
        byte[] script = PlanRateLimiter.TOKEN_BUCKET.getScriptAsString().getBytes(StandardCharsets.UTF_8);
        return connection.scriptingCommands().scriptLoad(ByteBuffer.wrap(script));
    }

    private static void warnNotWarm(Throwable cause) {
        logger.warn("Redis did not answer at startup; the first rate-limit decisions may fall back to memory",
                cause);
    }
}
