package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.curio.gateway.TestRoutes;

/**
 * The calls and checks the identity tests of both modes share: a refused token, and the identity headers a
 * service receives when a caller tries to choose them.
 */
final class IdentityExchanges {

    private IdentityExchanges() {
    }

    /** Expects 401 problem+json whose detail gives the gateway's own reason, with nothing of the library's. */
    static void expectRefused(WebTestClient client, String token, String detail) {
        client.get().uri("/v1/recommendations")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:curio:problem:unauthorized")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo(detail)
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
    }

    /** Calls the recommendations route with spoofed identity headers and returns the headers the service got. */
    static Map<String, List<String>> headersBehindSpoofedCall(WebTestClient client, String token) {
        return TestRoutes.echoedHeaders(client.get().uri("/v1/recommendations")
                .headers(headers -> headers.setBearerAuth(token))
                .header("X-User-Id", "mallory")
                .header("x-user-plan", "free")
                .header("X-User-Scopes", "experiments:admin")
                .header("X-User-Platform", "console")
                .header("X-User-Role", "admin"));
    }

    /** Expects exactly the identity of premium reader 42 the token grants, and none of what the caller sent. */
    static void expectIdentityOfReader42(Map<String, List<String>> headers) {
        assertThat(headers.get("x-user-id")).containsExactly("42");
        assertThat(headers.get("x-user-plan")).containsExactly("premium");
        assertThat(headers.get("x-user-scopes")).containsExactly("recs:read");
        assertThat(headers).doesNotContainKeys("x-user-platform", "x-user-role", "authorization");
    }
}
