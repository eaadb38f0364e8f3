package io.curio.inference.recommendation;

import java.util.Locale;
import java.util.regex.Pattern;

import io.curio.events.EventCodec;

/**
 * A validated request for a list.
 *
 * @param userId the reader, from {@code X-User-Id}
 * @param plan the reader's plan, from {@code X-User-Plan}
 * @param platform the client platform, from {@code X-User-Platform}, lower case; {@code null} when not sent
 * @param requestId the request id
 * @param limit how many books, 1..100
 * @param surface where the list is shown, {@code [a-z0-9-]{1,32}}
 */
public record RecommendationQuery(String userId, String plan, String platform, String requestId, int limit,
        String surface) {

    public static final int DEFAULT_LIMIT = 10;

    public static final int MAX_LIMIT = 100;

    public static final String DEFAULT_SURFACE = "home";

    private static final Pattern SURFACE = Pattern.compile("[a-z0-9-]{1,32}");

    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9-]{1,32}");

    private static final Pattern LIMIT = Pattern.compile("\\d{1,3}");

    /**
     * Checks the query parameters as they arrived.
     *
     * @throws InvalidParameterException naming the first bad parameter
     */
    public static RecommendationQuery of(String userId, String plan, String platform, String requestId,
            String limit, String surface) {
        return new RecommendationQuery(userId(userId), (plan != null) ? plan : "free", platform(platform),
                requestId, limit(limit), surface(surface));
    }

    private static String userId(String userId) {
        if (userId.length() > EventCodec.MAX_ID_LENGTH) {
            throw new InvalidParameterException("X-User-Id", "X-User-Id must have at most " + EventCodec.MAX_ID_LENGTH
                    + " characters");
        }
        return userId;
    }

    private static String platform(String platform) {
        if (platform == null) {
            return null;
        }
        String lowerCase = platform.toLowerCase(Locale.ROOT);
        if (!PLATFORM.matcher(lowerCase).matches()) {
            throw new InvalidParameterException("X-User-Platform", "X-User-Platform must match [a-z0-9-]{1,32}, not '"
                    + InvalidParameterException.shorten(platform) + "'");
        }
        return lowerCase;
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int value = LIMIT.matcher(limit).matches() ? Integer.parseInt(limit) : -1;
        if (value < 1 || value > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "limit must be an integer from 1 to " + MAX_LIMIT
                    + ", not '" + InvalidParameterException.shorten(limit) + "'");
        }
        return value;
    }

    private static String surface(String surface) {
        if (surface == null) {
            return DEFAULT_SURFACE;
        }
        if (!SURFACE.matcher(surface).matches()) {
            throw new InvalidParameterException("surface", "surface must match [a-z0-9-]{1,32}, not '"
                    + InvalidParameterException.shorten(surface) + "'");
        }
        return surface;
    }

}
