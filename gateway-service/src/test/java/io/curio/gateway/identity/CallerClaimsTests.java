package io.curio.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CallerClaimsTests {

    @Test
    void readsUserPlanAndScopes() {
        // given
        Map<String, Object> claims = Map.of("sub", "42", "plan", "premium", "scope", "recs:read  events:write");

        // when
        Caller caller = CallerClaims.parse(claims);

        // then
        assertThat(caller).isEqualTo(new Caller("42", Plan.PREMIUM, List.of("recs:read", "events:write")));
        assertThat(caller.scopeList()).isEqualTo("recs:read events:write");
    }

    @Test
    void treatsMissingPlanAsFree() {
        // when
        Caller caller = CallerClaims.parse(Map.of("sub", "42"));

        // then
        assertThat(caller.plan()).isEqualTo(Plan.FREE);
        assertThat(caller.scopes()).isEmpty();
    }

    @Test
    void rejectsUnknownPlan() {
        // given
        Map<String, Object> claims = Map.of("sub", "42", "plan", "gold");

        // when / then
        assertThatThrownBy(() -> CallerClaims.parse(claims))
                .isInstanceOf(InvalidCallerClaimsException.class)
                .hasMessageContaining("'gold'");
    }

    @Test
    void rejectsPlanInAnotherCase() {
        assertThatThrownBy(() -> CallerClaims.parse(Map.of("sub", "42", "plan", "PREMIUM")))
                .isInstanceOf(InvalidCallerClaimsException.class);
    }

    @Test
    void rejectsTokenWithoutSub() {
        assertThatThrownBy(() -> CallerClaims.parse(Map.of("plan", "free")))
                .isInstanceOf(InvalidCallerClaimsException.class)
                .hasMessageContaining("sub is required");
    }

    @Test
    void rejectsBlankSub() {
        assertThatThrownBy(() -> CallerClaims.parse(Map.of("sub", "  ")))
                .isInstanceOf(InvalidCallerClaimsException.class);
    }

    @Test
    void rejectsSubWithLineBreak() {
        assertThatThrownBy(() -> CallerClaims.parse(Map.of("sub", "42\r\nX-User-Id: 7")))
                .isInstanceOf(InvalidCallerClaimsException.class);
    }

    @Test
    void rejectsOverlongSub() {
        String sub = "7".repeat(CallerClaims.MAX_USER_ID_LENGTH + 1);

        assertThatThrownBy(() -> CallerClaims.parse(Map.of("sub", sub)))
                .isInstanceOf(InvalidCallerClaimsException.class);
    }

    @Test
    void acceptsScopesAsList() {
        // given
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "42");
        claims.put("scope", List.of("recs:read", "recs:read", "experiments:admin"));

        // when
        Caller caller = CallerClaims.parse(claims);

        // then
        assertThat(caller.scopes()).containsExactly("recs:read", "experiments:admin");
        assertThat(caller.hasScope("experiments:admin")).isTrue();
    }

    @Test
    void rejectsScopeOfAnotherType() {
        assertThatThrownBy(() -> CallerClaims.parse(Map.of("sub", "42", "scope", 7)))
                .isInstanceOf(InvalidCallerClaimsException.class)
                .hasMessageContaining("scope");
    }
}
