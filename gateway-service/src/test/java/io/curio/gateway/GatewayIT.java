package io.curio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway against real Redis on 127.0.0.1:6379 and an echoing service behind every route.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class GatewayIT {

    private static final EchoServer SERVICES = EchoServer.start();

    private static final String KEY_PREFIX = "curio:gateway:it:" + UUID.randomUUID() + ":";

    private static final String ALL_SCOPES = "recs:read events:write experiments:admin";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveStringRedisTemplate redis;

    @DynamicPropertySource
    static void routeToEchoServer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> 0);
        registry.add("curio.services.inference-url", SERVICES::url);
        registry.add("curio.services.ingestion-url", SERVICES::url);
        registry.add("curio.services.abtest-url", SERVICES::url);
        registry.add("curio.gateway.rate-limits.key-prefix", () -> KEY_PREFIX);
        registry.add("curio.gateway.rate-limits.redis-timeout", () -> "5s");
        registry.add("spring.data.redis.timeout", () -> "5s");
        // lists come from the echoing service: however loaded the machine, never a fallback list instead
        registry.add("resilience4j.timelimiter.instances.recommendations.timeout-duration", () -> "20s");
        // a slow refill keeps the free limit observable however loaded the machine running the test is
        registry.add("curio.gateway.rate-limits.free.rate", () -> "1");
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @Test
    void routesRecommendationsWithIdentityFromToken() {
        // when
        Map<String, Object> echoed = echoed(client.get().uri("/v1/recommendations?limit=5")
                .headers(bearer(TestTokens.hs256(TestTokens.claims("42", "premium", "recs:read")))));

        // then
        assertThat(echoed).containsEntry("path", "/v1/recommendations").containsEntry("method", "GET");
        assertThat(header(echoed, "x-user-id")).isEqualTo("42");
        assertThat(header(echoed, "x-user-plan")).isEqualTo("premium");
        assertThat(header(echoed, "x-user-scopes")).isEqualTo("recs:read");
        assertThat(echoedHeaders(echoed)).doesNotContainKey("authorization");
    }

    @Test
    void replacesSpoofedIdentityHeaders() {
        // given
        String token = TestTokens.hs256(TestTokens.claims("alice", null, "events:write"));

        // when
        Map<String, Object> echoed = echoed(client.post().uri("/v1/events")
                .headers(bearer(token))
                .header("X-User-Id", "bob")
                .header("x-user-plan", "premium")
                .header("X-User-Scopes", "experiments:admin")
                .header("X-User-Role", "admin")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[]"));

        // then
        assertThat(echoedHeaders(echoed).get("x-user-id")).containsExactly("alice");
        assertThat(echoedHeaders(echoed).get("x-user-plan")).containsExactly("free");
        assertThat(echoedHeaders(echoed).get("x-user-scopes")).containsExactly("events:write");
        assertThat(echoedHeaders(echoed)).doesNotContainKey("x-user-role");
    }

    @Test
    void routesExperimentsBelowTheirPrefix() {
        // when
        Map<String, Object> echoed = echoed(client.post().uri("/v1/experiments/home-ranking/start")
                .headers(bearer(TestTokens.hs256(TestTokens.claims("ops", "free", "experiments:admin")))));

        // then
        assertThat(echoed).containsEntry("path", "/v1/experiments/home-ranking/start");
    }

    @Test
    void routesModelAdministrationToInferenceWithoutTheVersionPrefix() {
        // when
        Map<String, Object> echoed = echoed(client.post().uri("/v1/admin/models/ease/rollback")
                .headers(bearer(TestTokens.hs256(TestTokens.claims("ops", "free", "experiments:admin")))));

        // then
        assertThat(echoed).containsEntry("path", "/admin/models/ease/rollback").containsEntry("method", "POST");
        assertThat(header(echoed, "x-user-scopes")).isEqualTo("experiments:admin");
    }

    @Test
    void keepsCallersRequestIdWhenUuid() {
        // given
        String requestId = UUID.randomUUID().toString();

        // when
        EntityExchangeResult<Map<String, Object>> result = client.get().uri("/v1/recommendations")
                .headers(bearer(readerToken(newUser(), "free")))
                .header("X-Request-Id", requestId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult();

        // then
        assertThat(result.getResponseHeaders().get("X-Request-Id")).containsExactly(requestId);
        assertThat(header(result.getResponseBody(), "x-request-id")).isEqualTo(requestId);
    }

    @Test
    void replacesRequestIdThatIsNoUuid() {
        // when
        EntityExchangeResult<Map<String, Object>> result = client.get().uri("/v1/recommendations")
                .headers(bearer(readerToken(newUser(), "free")))
                .header("X-Request-Id", "<script>")
                .exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult();

        // then
        assertThat(result.getResponseHeaders().get("X-Request-Id")).hasSize(1);
        String returned = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(UUID.fromString(returned)).isNotNull();
        assertThat(header(result.getResponseBody(), "x-request-id")).isEqualTo(returned);
    }

    @Test
    void rejectsRequestWithoutToken() {
        expectProblem(client.get().uri("/v1/recommendations").exchange()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().exists("X-Request-Id"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void rejectsTokenWithBadSignature() {
        // given
        String forged = TestTokens.hs256(TestTokens.claims("42", "premium", ALL_SCOPES),
                "another-secret-of-at-least-thirty-two-bytes");

        // when / then
        expectProblem(client.get().uri("/v1/recommendations").headers(bearer(forged)).exchange(),
                HttpStatus.UNAUTHORIZED)
                .jsonPath("$.detail").isEqualTo("token signature is not valid");
    }

    @Test
    void rejectsExpiredToken() {
        expectProblem(client.get().uri("/v1/recommendations")
                .headers(bearer(TestTokens.expired("42", "recs:read"))).exchange(), HttpStatus.UNAUTHORIZED)
                .jsonPath("$.detail").isEqualTo("token has expired");
    }

    @Test
    void rejectsGarbageTokenAsMalformed() {
        expectProblem(client.get().uri("/v1/recommendations").headers(bearer("garbage.garbage.garbage")).exchange(),
                HttpStatus.UNAUTHORIZED)
                .jsonPath("$.detail").isEqualTo("token is malformed");
    }

    @Test
    void rejectsTokenIssuedAfterItExpires() {
        // given
        JWTClaimsSet.Builder claims = TestTokens.claims("42", "free", ALL_SCOPES)
                .issueTime(Date.from(Instant.now().plus(Duration.ofHours(1))));

        // when / then
        expectProblem(client.get().uri("/v1/recommendations").headers(bearer(TestTokens.hs256(claims))).exchange(),
                HttpStatus.UNAUTHORIZED)
                .jsonPath("$.detail").isEqualTo("token issued in the future");
    }

    @Test
    void rejectsTokenIssuedInTheFuture() {
        // given
        JWTClaimsSet.Builder claims = TestTokens.claims("42", "free", ALL_SCOPES)
                .issueTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));

        // when / then
        expectProblem(client.get().uri("/v1/recommendations").headers(bearer(TestTokens.hs256(claims))).exchange(),
                HttpStatus.UNAUTHORIZED)
                .jsonPath("$.detail").isEqualTo("token issued in the future");
    }

    @Test
    void rejectsTokenNotValidYet() {
        // given
        JWTClaimsSet.Builder claims = TestTokens.claims("42", "free", ALL_SCOPES)
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));

        // when / then
        expectProblem(client.get().uri("/v1/recommendations").headers(bearer(TestTokens.hs256(claims))).exchange(),
                HttpStatus.UNAUTHORIZED)
                .jsonPath("$.detail").isEqualTo("token is not valid yet");
    }

    @Test
    void rejectsUnsignedToken() {
        // given
        String unsigned = TestTokens.unsigned(TestTokens.claims("42", "premium", ALL_SCOPES));

        // when / then
        expectProblem(client.get().uri("/v1/recommendations").headers(bearer(unsigned)).exchange(),
                HttpStatus.UNAUTHORIZED);
    }

    @Test
    void rejectsTokenWithoutSub() {
        // given
        JWTClaimsSet.Builder claims = TestTokens.claims("42", "free", ALL_SCOPES).subject(null);

        // when / then
        expectProblem(client.get().uri("/v1/recommendations").headers(bearer(TestTokens.hs256(claims))).exchange(),
                HttpStatus.UNAUTHORIZED)
                .jsonPath("$.detail").isEqualTo("sub is required, was 'null'");
    }

    @Test
    void rejectsTokenWithoutExpiry() {
        // given
        JWTClaimsSet.Builder claims = TestTokens.claims("42", "free", ALL_SCOPES).expirationTime(null);

        // when / then
        expectProblem(client.get().uri("/v1/recommendations").headers(bearer(TestTokens.hs256(claims))).exchange(),
                HttpStatus.UNAUTHORIZED);
    }

    @Test
    void rejectsUnknownPlan() {
        // given
        String token = TestTokens.hs256(TestTokens.claims("42", "enterprise", ALL_SCOPES));

        // when / then
        expectProblem(client.get().uri("/v1/recommendations").headers(bearer(token)).exchange(),
                HttpStatus.UNAUTHORIZED);
    }

    @Test
    void forbidsRecommendationsWithoutRecsScope() {
        // given
        String token = TestTokens.hs256(TestTokens.claims(newUser(), "premium", "events:write experiments:admin"));

        // when / then
        expectProblem(client.get().uri("/v1/recommendations").headers(bearer(token)).exchange()
                .expectHeader().exists("X-RateLimit-Remaining"), HttpStatus.FORBIDDEN);
    }

    @Test
    void forbidsEventsWithoutEventsScope() {
        // given
        String token = TestTokens.hs256(TestTokens.claims(newUser(), "premium", "recs:read experiments:admin"));

        // when / then
        expectProblem(client.post().uri("/v1/events").headers(bearer(token)).bodyValue("[]").exchange(),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void forbidsExperimentsWithoutAdminScope() {
        // given
        String token = TestTokens.hs256(TestTokens.claims(newUser(), "premium", "recs:read events:write"));

        // when / then
        expectProblem(client.get().uri("/v1/experiments/home-ranking/results").headers(bearer(token)).exchange(),
                HttpStatus.FORBIDDEN);
        expectProblem(client.post().uri("/v1/experiments").headers(bearer(token)).bodyValue("{}").exchange(),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void forbidsModelAdministrationWithoutAdminScope() {
        // given
        String token = TestTokens.hs256(TestTokens.claims(newUser(), "premium", "recs:read events:write"));

        // when / then
        expectProblem(client.get().uri("/v1/admin/models").headers(bearer(token)).exchange(), HttpStatus.FORBIDDEN);
        expectProblem(client.post().uri("/v1/admin/models/ease/versions/2026-12-04T10-00-00Z/activate")
                .headers(bearer(token)).exchange(), HttpStatus.FORBIDDEN);
        expectProblem(client.post().uri("/v1/admin/models/reload").exchange(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void forbidsCanariesWithoutAdminScope() {
        // given
        String token = TestTokens.hs256(TestTokens.claims(newUser(), "premium", "recs:read events:write"));

        // when / then
        expectProblem(client.get().uri("/v1/canaries").headers(bearer(token)).exchange(), HttpStatus.FORBIDDEN);
        expectProblem(client.post().uri("/v1/canaries/ease-2026-12-05t10-00-00z/abort").headers(bearer(token))
                .exchange(), HttpStatus.FORBIDDEN);
        expectProblem(client.post().uri("/v1/canaries").bodyValue("{}").exchange(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void doesNotRouteInternalEndpoints() {
        // given
        String token = TestTokens.hs256(TestTokens.claims(newUser(), "premium", ALL_SCOPES));

        // when / then
        expectProblem(client.get().uri("/internal/models").headers(bearer(token)).exchange(),
                HttpStatus.NOT_FOUND);
        expectProblem(client.post().uri("/internal/attributes/polls").exchange(), HttpStatus.NOT_FOUND);
        expectProblem(client.get().uri("/internal/users/42/profile").headers(bearer("not-a-token")).exchange(),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void answersUnknownPathWithProblem() {
        expectProblem(client.get().uri("/v1/books")
                .headers(bearer(readerToken(newUser(), "free"))).exchange(), HttpStatus.NOT_FOUND);
    }

    @Test
    void limitsFreeUserWherePremiumPasses() {
        // given
        String free = readerToken(newUser(), "free");
        String premium = readerToken(newUser(), "premium");

        // when
        List<Integer> freeStatuses = untilRefused(free, null, 40);
        List<Integer> premiumStatuses = untilRefused(premium, null, 40);

        // then
        assertThat(freeStatuses).endsWith(429).hasSizeGreaterThan(10);
        assertThat(freeStatuses.subList(0, 10)).containsOnly(200);
        assertThat(premiumStatuses).hasSize(40).containsOnly(200);
    }

    @Test
    void takesPlanFromTokenNotFromHeaders() {
        // given
        String free = readerToken(newUser(), "free");

        // when
        List<Integer> statuses = untilRefused(free, "premium", 40);

        // then
        assertThat(statuses).endsWith(429);
    }

    @Test
    void answersOverTheLimitWithRetryAfterProblem() {
        // given
        String free = readerToken(newUser(), "free");
        untilRefused(free, null, 40);

        // when / then
        expectProblem(client.get().uri("/v1/recommendations").headers(bearer(free)).exchange()
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0"), HttpStatus.TOO_MANY_REQUESTS)
                .jsonPath("$.type").isEqualTo("urn:curio:problem:rate-limited");
    }

    @Test
    void keepsEachUsersBucketInRedis() {
        // given
        String user = newUser();

        // when
        remaining(readerToken(user, "premium"));

        // then
        assertThat(redis.opsForHash().entries(KEY_PREFIX + "bucket:" + user).collectList().block())
                .extracting(entry -> entry.getKey())
                .containsExactlyInAnyOrder("tokens", "updated");
        assertThat(redis.getExpire(KEY_PREFIX + "bucket:" + user).block()).isPositive();
    }

    @Test
    void countsDownRemainingRequests() {
        // given
        String premium = readerToken(newUser(), "premium");

        // when
        String first = remaining(premium);
        String second = remaining(premium);

        // then
        assertThat(Integer.parseInt(first)).isEqualTo(99);
        assertThat(Integer.parseInt(second)).isBetween(98, 99);
    }

    @Test
    void setsRemainingOnDownstreamErrors() {
        client.get().uri("/v1/experiments/fail")
                .headers(bearer(TestTokens.hs256(TestTokens.claims(newUser(), "free", ALL_SCOPES))))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().valueEquals("X-RateLimit-Remaining", "9")
                .expectHeader().exists("X-Request-Id");
    }

    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response,
            HttpStatus status) {
        return response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").value(type -> assertThat((String) type).startsWith("urn:curio:problem:"))
                .jsonPath("$.title").isEqualTo(status.getReasonPhrase())
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.trace").doesNotExist();
    }

    private List<Integer> untilRefused(String token, String claimedPlan, int maxRequests) {
        List<Integer> statuses = new ArrayList<>();
        while (statuses.size() < maxRequests && !statuses.contains(429)) {
            statuses.add(client.get().uri("/v1/recommendations").headers(bearer(token))
                    .headers(headers -> claimPlan(headers, claimedPlan))
                    .exchange().returnResult(String.class).getStatus().value());
        }
        return statuses;
    }

    private static void claimPlan(HttpHeaders headers, String plan) {
        if (plan != null) {
            headers.set("X-User-Plan", plan);
        }
    }

    private String remaining(String token) {
        return client.get().uri("/v1/recommendations").headers(bearer(token)).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-RateLimit-Remaining");
    }

    private Map<String, Object> echoed(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-RateLimit-Remaining")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> echoedHeaders(Map<String, Object> echoed) {
        return (Map<String, List<String>>) echoed.get("headers");
    }

    private static String header(Map<String, Object> echoed, String name) {
        List<String> values = echoedHeaders(echoed).get(name);
        return values == null ? null : values.get(0);
    }

    static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    private static String readerToken(String user, String plan) {
        return TestTokens.hs256(TestTokens.claims(user, plan, "recs:read events:write"));
    }

    private static String newUser() {
        return "it-" + UUID.randomUUID();
    }
}
