package io.curio.gateway.identity;

import java.util.Locale;

/**
 * The subscription plan a token grants, which decides the caller's rate limit.
 */
public enum Plan {

    FREE, PREMIUM;

    /** The value as it appears in the {@code plan} claim and the {@code X-User-Plan} header. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Plan fromClaim(Object claim) {
        if (claim == null) {
            return FREE;
        }
        for (Plan plan : values()) {
            if (plan.claimValue().equals(claim)) {
                return plan;
            }
        }
        throw new InvalidCallerClaimsException("plan must be 'free' or 'premium', was '" + claim + "'");
    }
}
