package io.curio.gateway.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.curio.gateway.problem.ProblemResponses;

/**
 * Forwards the client platform a caller of {@code /v1/recommendations} names in {@code X-Client-Platform} as
 * {@code X-User-Platform}, lower-cased, so that experiments can target platforms. Runs after
 * {@link IdentityHeadersFilter}, which has already dropped any {@code X-User-Platform} the caller sent. A value
 * outside {@code [a-z0-9-]{1,32}} answers 400.
 */
@Component
public class ClientPlatformFilter implements GlobalFilter, Ordered {

    static final String CLIENT_PLATFORM = "X-Client-Platform";
    static final String USER_PLATFORM = "X-User-Platform";

    private static final String RECOMMENDATIONS = "/v1/recommendations";

    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9-]{1,32}");

    private final ProblemResponses problems;

    public ClientPlatformFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String sent = exchange.getRequest().getHeaders().getFirst(CLIENT_PLATFORM);
        if (sent == null || !RECOMMENDATIONS.equals(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return platformOf(sent)
                .map(platform -> chain.filter(withPlatform(exchange, platform)))
                .orElseGet(() -> problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-parameter",
                        CLIENT_PLATFORM + " must match [a-z0-9-]{1,32} after lower-casing"));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    /** The platform in lower case, or empty when it does not have the shape of one. */
    static Optional<String> platformOf(String sent) {
        String platform = sent.trim().toLowerCase(Locale.ROOT);
        return PLATFORM.matcher(platform).matches() ? Optional.of(platform) : Optional.empty();
    }

    private static ServerWebExchange withPlatform(ServerWebExchange exchange, String platform) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    headers.remove(CLIENT_PLATFORM);
                    headers.set(USER_PLATFORM, platform);
                }))
                .build();
    }
}
