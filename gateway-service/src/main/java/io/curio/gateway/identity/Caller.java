package io.curio.gateway.identity;

import java.util.List;

/**
 * The validated identity behind a request.
 *
 * @param userId the token's {@code sub}
 * @param plan the token's {@code plan}, free when absent
 * @param scopes the token's {@code scope}, in the order given, without duplicates
 */
public record Caller(String userId, Plan plan, List<String> scopes) {

    public Caller {
        scopes = List.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** The scopes space-separated, as the {@code X-User-Scopes} header carries them. */
    public String scopeList() {
        return String.join(" ", scopes);
    }
}
