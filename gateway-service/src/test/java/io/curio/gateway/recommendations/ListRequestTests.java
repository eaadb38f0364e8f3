package io.curio.gateway.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ListRequestTests {

    @Test
    void fillsInDefaultLimitAndSurface() {
        // when
        ListRequest request = ListRequest.of("42", "free", null, Map.of());

        // then
        assertThat(request).isEqualTo(new ListRequest("42", "free", null, 10, "home", Map.of()));
    }

    @Test
    void treatsDefaultsSpelledOutAsLeftOut() {
        // when
        ListRequest spelledOut = ListRequest.of("42", "free", "ios",
                Map.of("limit", List.of("10"), "surface", List.of("home")));

        // then
        assertThat(spelledOut).isEqualTo(ListRequest.of("42", "free", "ios", Map.of()));
    }

    @Test
    void ignoresTheOrderOfParameters() {
        // given
        Map<String, List<String>> oneOrder = new LinkedHashMap<>();
        oneOrder.put("limit", List.of("5"));
        oneOrder.put("b", List.of("2"));
        oneOrder.put("a", List.of("1"));
        Map<String, List<String>> otherOrder = new LinkedHashMap<>();
        otherOrder.put("a", List.of("1"));
        otherOrder.put("b", List.of("2"));
        otherOrder.put("limit", List.of("5"));

        // when / then
        assertThat(ListRequest.of("42", "free", null, oneOrder))
                .isEqualTo(ListRequest.of("42", "free", null, otherOrder))
                .hasSameHashCodeAs(ListRequest.of("42", "free", null, otherOrder));
    }

    @Test
    void keepsUsersPlansPlatformsAndUnknownParametersApart() {
        // given
        ListRequest base = ListRequest.of("42", "free", "ios", Map.of("limit", List.of("5")));

        // when / then
        assertThat(ListRequest.of("43", "free", "ios", Map.of("limit", List.of("5")))).isNotEqualTo(base);
        assertThat(ListRequest.of("42", "premium", "ios", Map.of("limit", List.of("5")))).isNotEqualTo(base);
        assertThat(ListRequest.of("42", "free", "web", Map.of("limit", List.of("5")))).isNotEqualTo(base);
        assertThat(ListRequest.of("42", "free", null, Map.of("limit", List.of("5")))).isNotEqualTo(base);
        assertThat(ListRequest.of("42", "free", "ios", Map.of("limit", List.of("5"), "page", List.of("2"))))
                .isNotEqualTo(base);
        assertThat(ListRequest.of("42", "free", "ios", Map.of("limit", List.of("5"), "surface", List.of("shelf"))))
                .isNotEqualTo(base);
    }

    @Test
    void refusesLimitOutOfRange() {
        for (String limit : List.of("0", "101", "-1", "ten", "", "1000", "5.0")) {
            assertThatThrownBy(() -> ListRequest.of("42", "free", null, Map.of("limit", List.of(limit))))
                    .as(limit)
                    .isInstanceOf(InvalidListParameterException.class)
                    .hasMessageContaining("limit");
        }
    }

    @Test
    void refusesSurfaceOfAnotherShape() {
        assertThatThrownBy(() -> ListRequest.of("42", "free", null, Map.of("surface", List.of("Home Page"))))
                .isInstanceOf(InvalidListParameterException.class)
                .hasMessageContaining("surface");
    }

    @Test
    void refusesParameterSentTwice() {
        assertThatThrownBy(() -> ListRequest.of("42", "free", null, Map.of("limit", List.of("5", "6"))))
                .isInstanceOf(InvalidListParameterException.class)
                .hasMessage("limit must be given at most once");
    }
}
