package io.curio.gateway.operations;

import java.util.Map;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import io.curio.gateway.problem.ProblemResponses;

/**
 * Answers 405 with a problem and {@code Allow} when a public endpoint that takes one method only is called with
 * another, instead of the 404 a route that does not match would give. Runs after the security chain, so that a
 * caller without a valid token learns nothing about the endpoints.
 */
@Component
class MethodNotAllowedFilter implements WebFilter, Ordered {

    static final Map<String, Set<HttpMethod>> SINGLE_METHOD_ENDPOINTS = Map.of(
            "/v1/recommendations", Set.of(HttpMethod.GET),
            "/v1/events", Set.of(HttpMethod.POST));

    private final ProblemResponses problems;

    MethodNotAllowedFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return OperationsOrder.AFTER_SECURITY;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Set<HttpMethod> allowed = SINGLE_METHOD_ENDPOINTS.get(exchange.getRequest().getPath().value());
        if (allowed == null || allowed.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().setAllow(allowed);
        return problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "This endpoint does not accept " + exchange.getRequest().getMethod().name());
    }
}
