package io.curio.inference.recommendation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelSpec;
import io.curio.inference.model.ModelStore;
import io.curio.inference.model.Models;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class RecommendingTests {

    private final AssignmentClient assignments = mock(AssignmentClient.class);

    private final ProfileClient profiles = mock(ProfileClient.class);

    private final ActiveCatalogue catalogue = new ActiveCatalogue(null);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final ModelRegistry registry = new ModelRegistry(null, this.meters);

    private final Recommending recommending = recommendingWith(this.registry);

    private final RecommendationQuery query = RecommendationQuery.of("42", "free", "r1", "3", "home");

    RecommendingTests() {
        this.catalogue.replace(List.of(book("a"), book("b"), book("c"), book("d"), book("e")), "\"v1\"");
        this.registry.activate(Models.neighbours("2026-12-04T10-00-00Z"));
        this.registry.activate(Models.popularity("2026-12-04T09-00-00Z", new String[] { "e", "d", "c" },
                new float[] { 3, 2, 1 }));
    }

    @Test
    void servesTheDefaultModelOutsideAnyExperimentWhenAbtestIsDown() {
        given(this.assignments.assign(anyString(), anyString(), anyString())).willReturn(Optional.empty());
        given(this.profiles.history("42")).willReturn(Optional.of(history("a", "click")));

        RecommendationList list = this.recommending.recommend(this.query);

        assertThat(list.experiment()).isNull();
        assertThat(list.degraded()).isFalse();
        assertThat(list.model()).isEqualTo(new RecommendationList.ModelRef("item-neighbours", "2026-12-04T10-00-00Z"));
        assertThat(list.items()).extracting(RecommendationList.Item::bookId).containsExactly("b", "c", "e");
        assertThat(list.items().get(0).title()).isEqualTo("Title b");
    }

    @Test
    void servesTheAssignedVariantsModel() {
        given(this.assignments.assign(anyString(), anyString(), anyString()))
            .willReturn(Optional.of(new Assignment("home-ranking", "control", "popularity")));
        given(this.profiles.history("42")).willReturn(Optional.of(history("e", "finish")));

        RecommendationList list = this.recommending.recommend(this.query);

        assertThat(list.experiment()).isEqualTo(new RecommendationList.ExperimentRef("home-ranking", "control"));
        assertThat(list.model().algorithm()).isEqualTo("popularity");
        assertThat(list.items()).extracting(RecommendationList.Item::bookId).containsExactly("d", "c");
    }

    @Test
    void fallsBackToDegradedPopularityWhenTheProfileIsUnavailable() {
        given(this.assignments.assign(anyString(), anyString(), anyString())).willReturn(Optional.empty());
        given(this.profiles.history("42")).willReturn(Optional.empty());

        RecommendationList list = this.recommending.recommend(this.query);

        assertThat(list.degraded()).isTrue();
        assertThat(list.model().algorithm()).isEqualTo("popularity");
        assertThat(list.items()).extracting(RecommendationList.Item::bookId).containsExactly("e", "d", "c");
    }

    @Test
    void servesTheDefaultModelUnderTheAssignedVariantWhenTheVariantsAlgorithmIsUnknown() {
        given(this.assignments.assign(anyString(), anyString(), anyString()))
            .willReturn(Optional.of(new Assignment("exp", "treatment", "word2vec")));
        given(this.profiles.history("42")).willReturn(Optional.of(history("a", "click")));

        RecommendationList list = this.recommending.recommend(this.query);

        assertThat(list.experiment()).isEqualTo(new RecommendationList.ExperimentRef("exp", "treatment"));
        assertThat(list.model()).isEqualTo(new RecommendationList.ModelRef("item-neighbours", "2026-12-04T10-00-00Z"));
        assertThat(list.degraded()).isFalse();
        assertThat(fallbacks("unknown-model")).isEqualTo(1);
        assertThat(fallbacks("model-unavailable")).isZero();
    }

    @Test
    void servesTheDefaultModelWhenTheVariantsVersionCannotBeLoaded() {
        given(this.assignments.assign(anyString(), anyString(), anyString()))
            .willReturn(Optional.of(new Assignment("exp", "treatment", "popularity@2020-01-01T00-00-00Z")));
        given(this.profiles.history("42")).willReturn(Optional.of(history("a", "click")));
        ModelStore storeWithoutThatVersion = mock(ModelStore.class);
        given(storeWithoutThatVersion.load(Algorithm.POPULARITY, "2020-01-01T00-00-00Z"))
            .willReturn(Optional.empty());
        ModelRegistry registry = new ModelRegistry(storeWithoutThatVersion, this.meters);
        registry.activate(Models.neighbours("2026-12-04T10-00-00Z"));
        registry.activate(Models.popularity("2026-12-04T09-00-00Z", new String[] { "e" }, new float[] { 1 }));

        RecommendationList list = recommendingWith(registry).recommend(this.query);

        assertThat(list.experiment().variant()).isEqualTo("treatment");
        assertThat(list.model()).isEqualTo(new RecommendationList.ModelRef("item-neighbours", "2026-12-04T10-00-00Z"));
        assertThat(list.degraded()).isFalse();
        assertThat(fallbacks("model-unavailable")).isEqualTo(1);
    }

    @Test
    void servesPopularityWhenNeitherTheVariantsNorTheDefaultModelIsTrained() {
        given(this.assignments.assign(anyString(), anyString(), anyString()))
            .willReturn(Optional.of(new Assignment("exp", "treatment", "item-neighbours")));
        given(this.profiles.history("42")).willReturn(Optional.of(UserHistory.empty()));
        ModelRegistry onlyPopularity = new ModelRegistry(null, this.meters);
        onlyPopularity.activate(Models.popularity("2026-12-04T09-00-00Z", new String[] { "e" }, new float[] { 1 }));

        RecommendationList list = recommendingWith(onlyPopularity).recommend(this.query);

        assertThat(list.experiment().variant()).isEqualTo("treatment");
        assertThat(list.model()).isEqualTo(new RecommendationList.ModelRef("popularity", "2026-12-04T09-00-00Z"));
        assertThat(list.degraded()).isFalse();
        assertThat(list.items()).extracting(RecommendationList.Item::bookId).containsExactly("e");
        assertThat(fallbacks("model-unavailable")).isEqualTo(1);
    }

    @Test
    void countsNoFallbackOutsideExperiments() {
        given(this.assignments.assign(anyString(), anyString(), anyString())).willReturn(Optional.empty());
        given(this.profiles.history("42")).willReturn(Optional.of(history("a", "click")));

        this.recommending.recommend(this.query);

        assertThat(fallbacks("unknown-model") + fallbacks("model-unavailable")).isZero();
    }

    @Test
    void appliesTheRulesOfTheRequestsPlanAndTheReadersLanguage() {
        given(this.assignments.assign(anyString(), anyString(), anyString())).willReturn(Optional.empty());
        UserHistory spanishReader = new UserHistory(List.of(new UserHistory.Entry("a", "click", null)),
                new UserHistory.Attributes("spa"));
        given(this.profiles.history("42")).willReturn(Optional.of(spanishReader));
        this.catalogue.replace(List.of(book("a"), new CatalogueBook("b", "B", List.of("Bo"), "spa", null, null, true),
                new CatalogueBook("c", "C", List.of("Cy"), "eng", null, null, false), book("d"), book("e")), "\"v2\"");

        RecommendationList free = this.recommending.recommend(this.query);
        RecommendationList premium = this.recommending.recommend(RecommendationQuery.of("42", "premium", "r2", "3",
                "home"));

        assertThat(free.items()).extracting(RecommendationList.Item::bookId).containsExactly("e", "d");
        assertThat(premium.items()).extracting(RecommendationList.Item::bookId).containsExactly("b", "e", "d");
    }

    @Test
    void refusesToServeWhenNoModelIsLoadedAtAll() {
        given(this.assignments.assign(anyString(), anyString(), anyString())).willReturn(Optional.empty());
        given(this.profiles.history("42")).willReturn(Optional.empty());
        Recommending withoutModels = recommendingWith(new ModelRegistry(null, new SimpleMeterRegistry()));

        assertThatExceptionOfType(NoModelAvailableException.class)
            .isThrownBy(() -> withoutModels.recommend(this.query));
    }

    private Recommending recommendingWith(ModelRegistry models) {
        return new Recommending(this.assignments, this.profiles, this.catalogue, models, new ImpressionLog((event) -> {
        }, Clock.systemUTC(), this.meters, 10), new ModelSpec(Algorithm.ITEM_NEIGHBOURS, null),
                new VariantFallbacks(this.meters), new ListRules(new ListRuleSettings(true, 2), this.meters));
    }

    private double fallbacks(String reason) {
        return this.meters.get("curio.inference.variant.fallbacks").tag("reason", reason).counter().count();
    }

    private static UserHistory history(String bookId, String type) {
        return new UserHistory(List.of(new UserHistory.Entry(bookId, type, null)));
    }

    private static CatalogueBook book(String id) {
        return new CatalogueBook(id, "Title " + id, List.of("Author " + id), null, null, List.of(), false);
    }

}
