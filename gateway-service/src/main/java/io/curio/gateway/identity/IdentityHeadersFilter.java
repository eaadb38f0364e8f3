package io.curio.gateway.identity;

import java.util.List;
import java.util.Locale;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.curio.gateway.problem.ProblemResponses;

/**
 * Header hygiene on every routed request: drops whatever identity headers the caller sent, and the token itself,
 * and sets {@code X-User-Id}, {@code X-User-Plan} and {@code X-User-Scopes} from the validated token, the only
 * identity the services behind the gateway trust.
 */
@Component
public class IdentityHeadersFilter implements GlobalFilter, Ordered {

    static final String USER_ID = "X-User-Id";
    static final String USER_PLAN = "X-User-Plan";
    static final String USER_SCOPES = "X-User-Scopes";

    private static final String IDENTITY_HEADER_PREFIX = "x-user-";

    private final ProblemResponses problems;

    public IdentityHeadersFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return CallerAuthentication.callerOf(exchange)
                .flatMap(caller -> caller
                        .map(known -> chain.filter(withIdentityOf(exchange, known)))
                        .orElseGet(() -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
                                "A bearer token is required")));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static ServerWebExchange withIdentityOf(ServerWebExchange exchange, Caller caller) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> replaceIdentity(headers, caller)))
                .build();
    }

    private static void replaceIdentity(HttpHeaders headers, Caller caller) {
        List<String> names = headers.headerNames().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(IDENTITY_HEADER_PREFIX))
                .toList();
        names.forEach(headers::remove);
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.set(USER_ID, caller.userId());
        headers.set(USER_PLAN, caller.plan().claimValue());
        headers.set(USER_SCOPES, caller.scopeList());
    }
}
