package io.curio.inference.recommendation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecommendationQueryTests {

    @Test
    void defaultsToTenBooksOnTheHomeSurfaceForAFreeReader() {
        RecommendationQuery query = RecommendationQuery.of("42", null, null, "r1", null, null);

        assertThat(query.limit()).isEqualTo(10);
        assertThat(query.surface()).isEqualTo("home");
        assertThat(query.plan()).isEqualTo("free");
        assertThat(query.platform()).isNull();
    }

    @Test
    void readsThePlatformInLowerCase() {
        assertThat(RecommendationQuery.of("42", "free", "Android", "r1", null, null).platform()).isEqualTo("android");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "web app", "a-very-long-platform-name-over-32-chars", "ios;", "<script>" })
    void rejectsAPlatformOutsideItsPattern(String platform) {
        assertThatExceptionOfType(InvalidParameterException.class)
            .isThrownBy(() -> RecommendationQuery.of("42", "free", platform, "r1", "10", "home"))
            .satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("X-User-Platform"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "101", "-1", "ten", "", "1e2", "99999999999" })
    void rejectsALimitOutsideOneToAHundred(String limit) {
        assertThatExceptionOfType(InvalidParameterException.class)
            .isThrownBy(() -> RecommendationQuery.of("42", "free", null, "r1", limit, "home"))
            .satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("limit"))
            .withMessageStartingWith("limit");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Home", "", "home page", "a-very-long-surface-name-over-32-chars", "<script>" })
    void rejectsASurfaceOutsideItsPattern(String surface) {
        assertThatExceptionOfType(InvalidParameterException.class)
            .isThrownBy(() -> RecommendationQuery.of("42", "free", null, "r1", "10", surface))
            .satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("surface"))
            .withMessageStartingWith("surface");
    }

    @Test
    void rejectsAUserIdLongerThanAnEventAccepts() {
        assertThatExceptionOfType(InvalidParameterException.class)
            .isThrownBy(() -> RecommendationQuery.of("u".repeat(129), "free", null, "r1", "10", "home"))
            .withMessageStartingWith("X-User-Id");
    }

    @Test
    void acceptsTheLimitsOfTheRange() {
        assertThat(RecommendationQuery.of("42", "free", null, "r1", "1", "for-you-2").limit()).isEqualTo(1);
        assertThat(RecommendationQuery.of("42", "free", null, "r1", "100", "home").limit()).isEqualTo(100);
    }

}
