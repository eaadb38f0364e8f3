package io.curio.gateway.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class CacheKeyTests {

    @Test
    void hasNoKeyWithoutAUser() {
        assertThat(CacheKey.of(MockServerHttpRequest.get("/v1/recommendations?limit=5").build())).isEmpty();
    }

    @Test
    void ignoresTheOrderOfQueryParameters() {
        assertThat(CacheKey.of(request("/v1/recommendations?limit=5&surface=home", "42")))
                .isEqualTo(CacheKey.of(request("/v1/recommendations?surface=home&limit=5", "42")));
    }

    @Test
    void separatesUsersAndPlatforms() {
        assertThat(CacheKey.of(request("/v1/recommendations", "42")))
                .isNotEqualTo(CacheKey.of(request("/v1/recommendations", "43")));
        assertThat(CacheKey.of(request("/v1/recommendations", "42")))
                .isNotEqualTo(CacheKey.of(MockServerHttpRequest.get("/v1/recommendations")
                        .header(CacheKey.USER_ID, "42").header(CacheKey.USER_PLATFORM, "ios").build()));
    }

    private static MockServerHttpRequest request(String uri, String user) {
        return MockServerHttpRequest.get(uri).header(CacheKey.USER_ID, user).header(CacheKey.USER_PLAN, "free").build();
    }
}
