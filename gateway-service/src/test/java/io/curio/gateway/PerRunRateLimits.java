package io.curio.gateway;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Rate-limit settings for a test's gateway: buckets under a key prefix of its own, so that runs never share
 * them, and a Redis timeout generous enough that a loaded machine does not fall back to memory.
 */
public final class PerRunRateLimits {

    private PerRunRateLimits() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("curio.gateway.rate-limits.redis-timeout", () -> "5s");
        registry.add("curio.gateway.rate-limits.key-prefix", () -> "curio:gateway:it:" + UUID.randomUUID() + ":");
    }
}
