package io.curio.assignment;

import java.util.List;

/**
 * Which users an experiment may include. An empty list places no restriction.
 *
 * @param plans the plans included ({@code free}, {@code premium})
 * @param platforms the client platforms included ({@code ios}, {@code android}, {@code web}, …)
 */
public record Targeting(List<String> plans, List<String> platforms) {

    public static final Targeting EVERYONE = new Targeting(List.of(), List.of());

    public Targeting {
        plans = (plans != null) ? List.copyOf(plans) : List.of();
        platforms = (platforms != null) ? List.copyOf(platforms) : List.of();
    }

    /** Whether a user on this plan and platform (either may be {@code null}) is eligible. */
    public boolean includes(String plan, String platform) {
        return allows(this.plans, plan) && allows(this.platforms, platform);
    }

    private static boolean allows(List<String> allowed, String value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }

}
