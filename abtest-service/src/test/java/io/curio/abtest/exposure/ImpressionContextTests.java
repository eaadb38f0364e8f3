package io.curio.abtest.exposure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.curio.abtest.exposure.ImpressionContext.Canary;

import static org.assertj.core.api.Assertions.assertThat;

class ImpressionContextTests {

    @Test
    void readsWhatServedTheList() {
        // given
        Map<String, Object> properties = Map.of("surface", "home", "experiment", "home-ranking", "variant",
                "treatment", "algorithm", "ease", "modelVersion", "2026-12-04T10-00-00Z", "bookIds", List.of("1"),
                "degraded", true, "canary", Map.of("id", "ease-2026-12-04", "arm", "candidate"));

        // when
        ImpressionContext context = ImpressionContext.of(properties);

        // then
        assertThat(context).isEqualTo(new ImpressionContext("home-ranking", "treatment", "home", "ease",
                "2026-12-04T10-00-00Z", true, new Canary("ease-2026-12-04", "candidate")));
        assertThat(context.namesVariant()).isTrue();
    }

    @Test
    void readsValuesOfTheWrongTypeOrShapeAsAbsent() {
        // given
        Map<String, Object> properties = new HashMap<>();
        properties.put("experiment", 7);
        properties.put("variant", "Treatment!");
        properties.put("surface", "x".repeat(33));
        properties.put("algorithm", List.of("ease"));
        properties.put("modelVersion", "v 1");
        properties.put("degraded", "true");
        properties.put("canary", "ease-1");

        // when
        ImpressionContext context = ImpressionContext.of(properties);

        // then
        assertThat(context).isEqualTo(new ImpressionContext(null, null, null, null, null, false, null));
        assertThat(context.namesVariant()).isFalse();
    }

    @Test
    void refusesACanaryWithAnUnknownArmOrAMalformedId() {
        assertThat(ImpressionContext.of(Map.of("canary", Map.of("id", "c-1", "arm", "treatment"))).canary()).isNull();
        assertThat(ImpressionContext.of(Map.of("canary", Map.of("id", "C 1", "arm", "baseline"))).canary()).isNull();
        assertThat(ImpressionContext.of(Map.of("canary", Map.of("arm", "baseline"))).canary()).isNull();
        assertThat(ImpressionContext.of(Map.of("canary", Map.of("id", "c-1", "arm", "baseline"))).canary())
            .isEqualTo(new Canary("c-1", "baseline"));
    }

    @Test
    void keepsWhatServedTheListWhenLeavingTheExperimentOut() {
        // given
        ImpressionContext context = new ImpressionContext("home-ranking", "gone", "home", "ease", "v1", true,
                new Canary("c-1", "baseline"));

        // when
        ImpressionContext outside = context.outsideExperiments();

        // then
        assertThat(outside).isEqualTo(new ImpressionContext(null, null, "home", "ease", "v1", true,
                new Canary("c-1", "baseline")));
    }

}
