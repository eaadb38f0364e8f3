package io.curio.gateway.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.curio.gateway.TestRoutes;
import io.curio.gateway.TestTokens;

/**
 * Every spelling of a protected path gets the security decision of the canonical path: a token without the
 * route's scope never reaches a service, and a token with it is either refused or routed exactly where the
 * canonical path goes. Requests are sent byte for byte as written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PathVariantsIT {

    private static final List<Integer> REFUSALS = List.of(400, 401, 403, 404);

    private static final String ALL_SCOPES = "recs:read events:write experiments:admin";

    private static final RecordingService SERVICES = RecordingService.start();

    @LocalServerPort
    private int port;

    /** A protected route: how it is called, and the path the service behind it receives. */
    record Route(String method, String path, String servicePath) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One way of spelling a path differently. */
    record Variant(String name, UnaryOperator<String> spell) {

        @Override
        public String toString() {
            return name;
        }
    }

    @DynamicPropertySource
    static void routeToRecordingService(DynamicPropertyRegistry registry) {
        TestRoutes.routeAllTo(registry, SERVICES::url);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        SERVICES.forget();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void refusesCanonicalPathWithoutScope(Route route) throws Exception {
        // when
        RawHttp.Answer answer = RawHttp.send(port, route.method(), route.path(), token("profile:read"));

        // then
        assertThat(answer.status()).isEqualTo(403);
        assertThat(SERVICES.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void routesCanonicalPathWithScope(Route route) throws Exception {
        // when
        RawHttp.Answer answer = RawHttp.send(port, route.method(), route.path(), token(ALL_SCOPES));

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(SERVICES.received()).containsExactly(route.servicePath());
    }

    @ParameterizedTest(name = "{0} spelled with {1}")
    @MethodSource("routesAndVariants")
    void neverLetsVariantWithoutScopeThrough(Route route, Variant variant) throws Exception {
        // when
        RawHttp.Answer answer = RawHttp.send(port, route.method(), variant.spell().apply(route.path()),
                token("profile:read"));

        // then
        assertThat(SERVICES.received()).isEmpty();
        expectProblemRefusal(answer);
    }

    @ParameterizedTest(name = "{0} spelled with {1}")
    @MethodSource("routesAndVariants")
    void refusesVariantWithScopeOrRoutesItAsCanonical(Route route, Variant variant) throws Exception {
        // when
        RawHttp.Answer answer = RawHttp.send(port, route.method(), variant.spell().apply(route.path()),
                token(ALL_SCOPES));

        // then
        if (answer.status() == 200) {
            assertThat(SERVICES.received()).containsExactly(route.servicePath());
        }
        else {
            assertThat(SERVICES.received()).isEmpty();
            expectProblemRefusal(answer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void refusesRawBackslashBeforeAnyCheck(Route route) throws Exception {
        // given
        String path = route.path().replaceFirst("/v1/", "/v1\\\\");

        // when
        RawHttp.Answer withoutScope = RawHttp.send(port, route.method(), path, token("profile:read"));
        RawHttp.Answer withScope = RawHttp.send(port, route.method(), path, token(ALL_SCOPES));

        // then
        assertThat(withoutScope.status()).isEqualTo(400);
        assertThat(withScope.status()).isEqualTo(400);
        assertThat(SERVICES.received()).isEmpty();
    }

    static Stream<Route> routes() {
        return Stream.of(
                new Route("GET", "/v1/recommendations", "/v1/recommendations"),
                new Route("POST", "/v1/events", "/v1/events"),
                new Route("GET", "/v1/experiments", "/v1/experiments"),
                new Route("POST", "/v1/experiments/home-ranking/start", "/v1/experiments/home-ranking/start"),
                new Route("GET", "/v1/canaries", "/v1/canaries"),
                new Route("GET", "/v1/admin/models", "/admin/models"),
                new Route("POST", "/v1/admin/models/ease/rollback", "/admin/models/ease/rollback"));
    }

    static Stream<Arguments> routesAndVariants() {
        return routes().flatMap(route -> variants().map(variant -> Arguments.of(route, variant)));
    }

    static Stream<Variant> variants() {
        return Stream.of(
                new Variant("trailing slash", path -> path + "/"),
                new Variant("leading double slash", path -> "/" + path),
                new Variant("inner double slash", path -> path.replaceFirst("/v1/", "/v1//")),
                new Variant("encoded slash", path -> path.replaceFirst("/v1/", "/v1%2F")),
                new Variant("lower-case encoded slash", path -> path.replaceFirst("/v1/", "/v1%2f")),
                new Variant("dot segment", path -> path.replaceFirst("/v1/", "/v1/./")),
                new Variant("dot-dot segment", path -> path.replaceFirst("/v1/", "/v1/x/../")),
                new Variant("trailing dot segment", path -> path + "/."),
                new Variant("encoded dot segment", path -> path.replaceFirst("/v1/", "/v1/%2e/")),
                new Variant("matrix parameter on a segment", path -> path.replaceFirst("/v1/", "/v1;x=y/")),
                new Variant("matrix parameter at the end", path -> path + ";x=y"),
                new Variant("upper case", path -> path.toUpperCase(Locale.ROOT)),
                new Variant("upper-case version", path -> path.replaceFirst("/v1/", "/V1/")),
                new Variant("encoded version letters", path -> path.replaceFirst("/v1/", "/%76%31/")),
                new Variant("encoded last letter", PathVariantsIT::encodeLastLetter),
                new Variant("encoded backslash", path -> path.replaceFirst("/v1/", "/v1%5C")),
                new Variant("lower-case encoded backslash", path -> path.replaceFirst("/v1/", "/v1%5c")),
                new Variant("encoded null", path -> path + "%00"));
    }

    private static void expectProblemRefusal(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isIn(REFUSALS);
        assertThat(answer.contentType()).as(answer.toString()).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + answer.status());
    }

    private static String encodeLastLetter(String path) {
        char last = path.charAt(path.length() - 1);
        return path.substring(0, path.length() - 1) + "%" + Integer.toHexString(last).toUpperCase(Locale.ROOT);
    }

    private static String token(String scope) {
        return TestTokens.hs256(TestTokens.claims("path-" + UUID.randomUUID(), "premium", scope));
    }
}
