package io.curio.gateway.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.curio.gateway.TestTokens;

/**
 * The production identity settings the JWK set tests share: one issuer, one audience, and a loopback provider.
 */
final class ProductionIdentity {

    static final String ISSUER = "https://id.curio.test/";

    static final String AUDIENCE = "curio-public-api";

    private ProductionIdentity() {
    }

    static void useProvider(DynamicPropertyRegistry registry, LoopbackIdentityProvider provider,
            String refetchInterval) {
        registry.add("curio.gateway.jwt.jwk-set-uri", provider::jwkSetUri);
        registry.add("curio.gateway.jwt.issuer", () -> ISSUER);
        registry.add("curio.gateway.jwt.audience", () -> AUDIENCE);
        registry.add("curio.gateway.jwt.jwk-set-refetch-interval", () -> refetchInterval);
    }

    /** Claims of premium reader 42 as the provider issues them. */
    static JWTClaimsSet.Builder claims() {
        return TestTokens.claims("42", "premium", "recs:read")
                .issuer(ISSUER)
                .audience(AUDIENCE);
    }
}
