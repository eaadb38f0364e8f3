package io.curio.gateway.recommendations;

import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * What a cached recommendation list is found by: always the user, then everything the service places the user
 * by (plan, platform) and every query parameter, so that one key always stands for the same variant and list.
 *
 * @param userId the validated token's subject, as the gateway sets {@code X-User-Id}
 * @param plan the token's plan
 * @param platform the client platform, or an empty string
 * @param query the query parameters, sorted by name
 */
record CacheKey(String userId, String plan, String platform, String query) {

    static final String USER_ID = "X-User-Id";

    static final String USER_PLAN = "X-User-Plan";

    static final String USER_PLATFORM = "X-User-Platform";

    /** The key of a request, none when the request carries no user. */
    static Optional<CacheKey> of(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        String userId = headers.getFirst(USER_ID);
        if (userId == null || userId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CacheKey(userId, valueOf(headers.getFirst(USER_PLAN)),
                valueOf(headers.getFirst(USER_PLATFORM)), sortedQuery(request)));
    }

    private static String sortedQuery(ServerHttpRequest request) {
        StringJoiner query = new StringJoiner("&");
        new TreeMap<>(request.getQueryParams()).forEach((name, values) ->
                values.forEach(value -> query.add(name + "=" + valueOf(value))));
        return query.toString();
    }

    private static String valueOf(String value) {
        return value == null ? "" : value;
    }
}
