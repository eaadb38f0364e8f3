package io.curio.gateway.operations;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import io.curio.gateway.problem.ProblemResponses;

/**
 * Answers 404 with a problem for {@code /actuator} and everything below it unless the request came in on the
 * management port, before any token check, so that the public port gives away neither health nor metrics nor
 * the fact that they exist. The management port is the one the management server reports once it listens;
 * until then (or when it shares the public port), every actuator request is refused here.
 */
@Component
class ManagementOnlyFilter implements WebFilter, Ordered, ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT_NAMESPACE = "management";

    private final ProblemResponses problems;

    private volatile int managementPort = -1;

    ManagementOnlyFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // after the request id and the URI length check, before security
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            managementPort = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isActuatorPath(exchange.getRequest().getPath().value()) && !onManagementPort(exchange)) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "No public endpoint at this path");
        }
        return chain.filter(exchange);
    }

    static boolean isActuatorPath(String path) {
        return path.equals("/actuator") || path.startsWith("/actuator/");
    }

    private boolean onManagementPort(ServerWebExchange exchange) {
        return exchange.getRequest().getLocalAddress() != null
                && exchange.getRequest().getLocalAddress().getPort() == managementPort;
    }
}
