package io.curio.gateway.recommendations;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One caller's request for a list, normalized: defaults filled in, parameters checked as inference-service checks
 * them, and every other query parameter kept, sorted, so that two requests that may be answered differently never
 * share a cache entry. Being a record, it is the cache key.
 *
 * @param userId the validated caller, from the token
 * @param plan the caller's plan, from the token
 * @param platform the client platform forwarded to inference-service, or {@code null}
 * @param limit how many books, 1..100
 * @param surface where the list is shown
 * @param otherParameters the remaining query parameters by name, values in the order sent
 */
public record ListRequest(String userId, String plan, String platform, int limit, String surface,
        Map<String, List<String>> otherParameters) {

    static final int DEFAULT_LIMIT = 10;

    static final int MAX_LIMIT = 100;

    static final String DEFAULT_SURFACE = "home";

    private static final Pattern LIMIT = Pattern.compile("\\d{1,3}");

    private static final Pattern SURFACE = Pattern.compile("[a-z0-9-]{1,32}");

    public ListRequest {
        otherParameters = Map.copyOf(otherParameters);
    }

    /**
     * Normalizes the query of one request.
     *
     * @param query the query parameters as sent, by name
     * @throws InvalidListParameterException naming the first parameter that is missing its value, sent twice or
     *     out of range
     */
    public static ListRequest of(String userId, String plan, String platform, Map<String, List<String>> query) {
        Map<String, List<String>> others = new TreeMap<>(query);
        int limit = limit(single("limit", others.remove("limit")));
        String surface = surface(single("surface", others.remove("surface")));
        others.replaceAll((name, values) -> List.copyOf(values));
        return new ListRequest(userId, plan, platform, limit, surface, others);
    }

    private static String single(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidListParameterException(name + " must be given at most once");
        }
        return values.get(0);
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int value = LIMIT.matcher(limit).matches() ? Integer.parseInt(limit) : -1;
        if (value < 1 || value > MAX_LIMIT) {
            throw new InvalidListParameterException("limit must be an integer from 1 to " + MAX_LIMIT);
        }
        return value;
    }

    private static String surface(String surface) {
        if (surface == null) {
            return DEFAULT_SURFACE;
        }
        if (!SURFACE.matcher(surface).matches()) {
            throw new InvalidListParameterException("surface must match [a-z0-9-]{1,32}");
        }
        return surface;
    }
}
