package io.curio.gateway.identity;

import java.util.Optional;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * An authenticated request: the caller read from a validated token, with one {@code SCOPE_} authority per scope.
 */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(caller.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    /** The exchange's caller when its token was validated, else empty; the one way filters learn who calls. */
    public static Mono<Optional<Caller>> callerOf(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(CallerAuthentication.class::isInstance)
                .map(principal -> Optional.of(((CallerAuthentication) principal).getPrincipal()))
                .defaultIfEmpty(Optional.empty());
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.userId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallerAuthentication that && caller.equals(that.caller) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return caller.hashCode();
    }
}
