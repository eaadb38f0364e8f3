package io.curio.inference.recommendation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.curio.assignment.Arm;
import io.curio.assignment.BucketRange;
import io.curio.assignment.ImpressionSignature;
import io.curio.assignment.ModelCanary;
import io.curio.assignment.RunningExperiment;
import io.curio.assignment.ServingRules;
import io.curio.assignment.Targeting;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelSpec;
import io.curio.inference.model.ModelStore;
import io.curio.inference.model.Models;
import io.curio.inference.placement.Canaries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class RecommendingTests {

    private static final String BASELINE = "2026-12-04T10-00-00Z";

    private static final String CANDIDATE = "2026-12-05T10-00-00Z";

    private static final ImpressionSignature SIGNATURE = new ImpressionSignature("recommending-key-0123456789abcdef");

    private ServingRules rules = ServingRules.NONE;

    private final ProfileClient profiles = mock(ProfileClient.class);

    private final ActiveCatalogue catalogue = new ActiveCatalogue(null);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final ModelRegistry registry = new ModelRegistry(null, this.meters);

    private final Recommending recommending = recommendingWith(this.registry);

    private final RecommendationQuery query = RecommendationQuery.of("42", "free", null, "r1", "3", "home");

    RecommendingTests() {
        this.catalogue.replace(List.of(book("a"), book("b"), book("c"), book("d"), book("e")), "\"v1\"");
        this.registry.activate(Models.neighbours("2026-12-04T10-00-00Z"));
        this.registry.activate(Models.popularity("2026-12-04T09-00-00Z", new String[] { "e", "d", "c" },
                new float[] { 3, 2, 1 }));
    }

    @Test
    void servesTheDefaultModelOutsideAnyExperimentWithoutServingRules() {
        given(this.profiles.history("42")).willReturn(Optional.of(history("a", "click")));

        RecommendationList list = this.recommending.recommend(this.query);

        assertThat(list.experiment()).isNull();
        assertThat(list.degraded()).isFalse();
        assertThat(list.model()).isEqualTo(new RecommendationList.ModelRef("item-neighbours", "2026-12-04T10-00-00Z"));
        assertThat(list.items()).extracting(RecommendationList.Item::bookId).containsExactly("b", "c", "e");
        assertThat(list.items().get(0).title()).isEqualTo("Title b");
    }

    @Test
    void servesTheModelOfTheVariantTheRulesPlaceTheReaderIn() {
        this.rules = experiment("home-ranking", "control", "popularity");
        given(this.profiles.history("42")).willReturn(Optional.of(history("e", "finish")));

        RecommendationList list = this.recommending.recommend(this.query);

        assertThat(list.experiment()).isEqualTo(new RecommendationList.ExperimentRef("home-ranking", "control"));
        assertThat(list.model().algorithm()).isEqualTo("popularity");
        assertThat(list.items()).extracting(RecommendationList.Item::bookId).containsExactly("d", "c");
    }

    @Test
    void fallsBackToDegradedPopularityWhenTheProfileIsUnavailable() {
        given(this.profiles.history("42")).willReturn(Optional.empty());

        RecommendationList list = this.recommending.recommend(this.query);

        assertThat(list.degraded()).isTrue();
        assertThat(list.model().algorithm()).isEqualTo("popularity");
        assertThat(list.items()).extracting(RecommendationList.Item::bookId).containsExactly("e", "d", "c");
    }

    @Test
    void servesTheDefaultModelUnderTheAssignedVariantWhenTheVariantsAlgorithmIsUnknown() {
        this.rules = experiment("exp", "treatment", "word2vec");
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
        this.rules = experiment("exp", "treatment", "popularity@2020-01-01T00-00-00Z");
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
        this.rules = experiment("exp", "treatment", "item-neighbours");
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
        given(this.profiles.history("42")).willReturn(Optional.of(history("a", "click")));

        this.recommending.recommend(this.query);

        assertThat(fallbacks("unknown-model") + fallbacks("model-unavailable")).isZero();
    }

    @Test
    void appliesTheRulesOfTheRequestsPlanAndTheReadersLanguage() {
        UserHistory spanishReader = new UserHistory(List.of(new UserHistory.Entry("a", "click", null)),
                new UserHistory.Attributes("spa"));
        given(this.profiles.history("42")).willReturn(Optional.of(spanishReader));
        this.catalogue.replace(List.of(book("a"), new CatalogueBook("b", "B", List.of("Bo"), "spa", null, null, true),
                new CatalogueBook("c", "C", List.of("Cy"), "eng", null, null, false), book("d"), book("e")), "\"v2\"");

        RecommendationList free = this.recommending.recommend(this.query);
        RecommendationList premium = this.recommending.recommend(RecommendationQuery.of("42", "premium", null, "r2",
                "3", "home"));

        assertThat(free.items()).extracting(RecommendationList.Item::bookId).containsExactly("e", "d");
        assertThat(premium.items()).extracting(RecommendationList.Item::bookId).containsExactly("b", "e", "d");
    }

    @Test
    void placesEveryRequestWithTheRulesInUseWhenItArrives() {
        given(this.profiles.history("42")).willReturn(Optional.of(history("e", "finish")));

        RecommendationList before = this.recommending.recommend(this.query);
        this.rules = experiment("home-ranking", "control", "popularity");
        RecommendationList after = this.recommending.recommend(this.query);

        assertThat(before.experiment()).isNull();
        assertThat(before.model().algorithm()).isEqualTo("item-neighbours");
        assertThat(after.experiment()).isEqualTo(new RecommendationList.ExperimentRef("home-ranking", "control"));
        assertThat(after.model().algorithm()).isEqualTo("popularity");
    }

    @Test
    void leavesReadersOnOtherPlatformsOutOfATargetedExperiment() {
        given(this.profiles.history("42")).willReturn(Optional.of(history("e", "finish")));
        Arm everyone = new Arm("treatment", "popularity", List.of(new BucketRange(0, 10_000)));
        this.rules = new ServingRules(List.of(new RunningExperiment("ios-only", "home", 100,
                new Targeting(List.of(), List.of("ios")), List.of(everyone))), List.of(), List.of());

        RecommendationList android = this.recommending.recommend(RecommendationQuery.of("42", "free", "android", "r2",
                "3", "home"));
        RecommendationList ios = this.recommending.recommend(RecommendationQuery.of("42", "free", "iOS", "r3", "3",
                "home"));

        assertThat(android.experiment()).isNull();
        assertThat(ios.experiment()).isEqualTo(new RecommendationList.ExperimentRef("ios-only", "treatment"));
    }

    @Test
    void servesTheCandidateVersionToReadersInTheCanarysCandidateArm() {
        given(this.profiles.history("42")).willReturn(Optional.of(history("a", "click")));
        ModelStore store = mock(ModelStore.class);
        given(store.load(Algorithm.ITEM_NEIGHBOURS, CANDIDATE)).willReturn(Optional.of(Models.neighbours(CANDIDATE)));
        ModelRegistry registry = new ModelRegistry(store, this.meters);
        registry.activate(Models.neighbours(BASELINE));
        Recommending recommending = recommendingWith(registry);

        this.rules = canary(100);
        RecommendationList candidate = recommending.recommend(this.query);
        this.rules = canary(0);
        RecommendationList baseline = recommending.recommend(this.query);

        assertThat(candidate.model()).isEqualTo(new RecommendationList.ModelRef("item-neighbours", CANDIDATE));
        assertThat(baseline.model()).isEqualTo(new RecommendationList.ModelRef("item-neighbours", BASELINE));
        assertThat(candidate.experiment()).isNull();
    }

    @Test
    void servesTheBaselineAndCountsItWhenTheCandidateCannotBeLoaded() {
        given(this.profiles.history("42")).willReturn(Optional.of(history("a", "click")));
        ModelStore store = mock(ModelStore.class);
        given(store.load(Algorithm.ITEM_NEIGHBOURS, CANDIDATE)).willReturn(Optional.empty());
        ModelRegistry registry = new ModelRegistry(store, this.meters);
        registry.activate(Models.neighbours(BASELINE));
        this.rules = canary(100);

        RecommendationList list = recommendingWith(registry).recommend(this.query);

        assertThat(list.model()).isEqualTo(new RecommendationList.ModelRef("item-neighbours", BASELINE));
        assertThat(this.meters.get("curio.inference.canary.fallbacks").counter().count()).isEqualTo(1);
    }

    @Test
    void leavesAVariantPinnedToAVersionOutOfTheCanary() {
        given(this.profiles.history("42")).willReturn(Optional.of(history("a", "click")));
        ModelStore store = mock(ModelStore.class);
        ModelRegistry registry = new ModelRegistry(store, this.meters);
        registry.activate(Models.neighbours(BASELINE));
        ServingRules pinned = experiment("exp", "pinned", "item-neighbours@" + BASELINE);
        this.rules = new ServingRules(pinned.experiments(), List.of(), canary(100).canaries());

        RecommendationList list = recommendingWith(registry).recommend(this.query);

        assertThat(list.model().version()).isEqualTo(BASELINE);
    }

    @Test
    void refusesToServeWhenNoModelIsLoadedAtAll() {
        given(this.profiles.history("42")).willReturn(Optional.empty());
        Recommending withoutModels = recommendingWith(new ModelRegistry(null, new SimpleMeterRegistry()));

        assertThatExceptionOfType(NoModelAvailableException.class)
            .isThrownBy(() -> withoutModels.recommend(this.query));
    }

    private Recommending recommendingWith(ModelRegistry models) {
        return new Recommending(() -> this.rules, new Canaries(models, this.meters), this.profiles, this.catalogue,
                models, new ImpressionLog((event) -> {
                }, SIGNATURE, Clock.systemUTC(), this.meters, 10), new ModelSpec(Algorithm.ITEM_NEIGHBOURS, null),
                new VariantFallbacks(this.meters), new ListRules(new ListRuleSettings(true, 2), this.meters));
    }

    /** Rules with one experiment on the home surface that puts every reader in one variant. */
    private static ServingRules experiment(String key, String variant, String model) {
        Arm everyone = new Arm(variant, model, List.of(new BucketRange(0, 10_000)));
        return new ServingRules(List.of(new RunningExperiment(key, "home", 100, Targeting.EVERYONE,
                List.of(everyone))), List.of(), List.of());
    }

    private static ServingRules canary(int percent) {
        return new ServingRules(List.of(), List.of(),
                List.of(new ModelCanary("c1", "item-neighbours", CANDIDATE, BASELINE, percent)));
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
