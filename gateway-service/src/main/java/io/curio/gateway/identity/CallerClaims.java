package io.curio.gateway.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link Caller} from a token's claims as the public contract defines them: {@code sub} required,
 * {@code plan} {@code free} or {@code premium} (missing means free), {@code scope} space-separated.
 */
public final class CallerClaims {

    static final int MAX_USER_ID_LENGTH = 256;

    private CallerClaims() {
    }

    public static Caller parse(Map<String, Object> claims) {
        return new Caller(userId(claims.get("sub")), Plan.fromClaim(claims.get("plan")), scopes(claims.get("scope")));
    }

    private static String userId(Object sub) {
        if (!(sub instanceof String userId) || userId.isBlank()) {
            throw new InvalidCallerClaimsException("sub is required, was '" + sub + "'");
        }
        if (userId.length() > MAX_USER_ID_LENGTH || userId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidCallerClaimsException("sub must be at most " + MAX_USER_ID_LENGTH
                    + " printable characters");
        }
        return userId;
    }

    private static List<String> scopes(Object scope) {
        if (scope == null) {
            return List.of();
        }
        if (scope instanceof String list) {
            return distinct(Arrays.asList(list.trim().split("\\s+")));
        }
        if (scope instanceof Collection<?> values && values.stream().allMatch(String.class::isInstance)) {
            return distinct(values.stream().map(String.class::cast).toList());
        }
        throw new InvalidCallerClaimsException("scope must be a space-separated string, was '" + scope + "'");
    }

    private static List<String> distinct(List<String> scopes) {
        return scopes.stream().filter(scope -> !scope.isBlank()).distinct().toList();
    }
}
