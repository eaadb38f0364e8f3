package io.curio.gateway.recommendations;

import java.util.regex.Pattern;

/**
 * The parameters of a recommendations request that shape a fallback answer, checked as inference-service checks
 * them so that a fallback never answers a request the service would refuse.
 *
 * @param limit how many books, 1..100, default 10
 * @param surface where the list is shown, default {@code home}
 */
record FallbackQuery(int limit, String surface) {

    private static final Pattern LIMIT = Pattern.compile("\\d{1,3}");

    private static final Pattern SURFACE = Pattern.compile("[a-z0-9-]{1,32}");

    static final int MAX_LIMIT = 100;

    /** @throws IllegalArgumentException naming the parameter out of its range */
    static FallbackQuery of(String limit, String surface) {
        return new FallbackQuery(limit(limit), surface(surface));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return 10;
        }
        int value = LIMIT.matcher(limit).matches() ? Integer.parseInt(limit) : -1;
        if (value < 1 || value > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be an integer from 1 to " + MAX_LIMIT);
        }
        return value;
    }

    private static String surface(String surface) {
        if (surface == null) {
            return "home";
        }
        if (!SURFACE.matcher(surface).matches()) {
            throw new IllegalArgumentException("surface must match [a-z0-9-]{1,32}");
        }
        return surface;
    }
}
