package io.curio.gateway.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import io.curio.gateway.problem.ProblemResponses;
import io.curio.gateway.ratelimit.PlanRateLimiter;
import io.curio.gateway.ratelimit.RateLimitFilter;

/**
 * Who may call what: every public route needs a valid bearer token carrying the route's scope; health and
 * metrics are open; {@code /internal/**} is outside the chain and never routed. The per-user rate limit runs
 * between authentication and authorization, so it counts every authenticated call, refused ones included.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String RECOMMENDATIONS_SCOPE = "SCOPE_recs:read";
    static final String EVENTS_SCOPE = "SCOPE_events:write";
    static final String EXPERIMENTS_SCOPE = "SCOPE_experiments:admin";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
            PlanRateLimiter rateLimiter, ProblemResponses problems, JwtProperties jwtProperties) {
        ServerAuthenticationEntryPoint unauthorized =
                new ProblemAuthenticationEntryPoint(problems, jwtProperties.acceptedAlgorithms());
        ServerAccessDeniedHandler forbidden = forbidden(problems);
        return http
                .securityMatcher(new NegatedServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers("/internal", "/internal/**")))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(SecurityConfiguration::authorizeRoutes)
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .addFilterAfter(new RateLimitFilter(rateLimiter, problems), SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    private static void authorizeRoutes(AuthorizeExchangeSpec exchanges) {
        exchanges
                .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                .pathMatchers(HttpMethod.GET, "/v1/recommendations").hasAuthority(RECOMMENDATIONS_SCOPE)
                .pathMatchers(HttpMethod.POST, "/v1/events").hasAuthority(EVENTS_SCOPE)
                .pathMatchers("/v1/experiments", "/v1/experiments/**").hasAuthority(EXPERIMENTS_SCOPE)
                .pathMatchers("/v1/admin/models", "/v1/admin/models/**").hasAuthority(EXPERIMENTS_SCOPE)
                .pathMatchers("/v1/canaries", "/v1/canaries/**").hasAuthority(EXPERIMENTS_SCOPE)
                .anyExchange().authenticated();
    }

    private static ServerAccessDeniedHandler forbidden(ProblemResponses problems) {
        return (exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
                "The token does not grant the scope this endpoint requires");
    }
}
