package io.curio.inference.recommendation;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.curio.assignment.Placement;
import io.curio.assignment.ServingRules;
import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelSpec;
import io.curio.inference.model.RankedBooks;
import io.curio.inference.model.RecommendationModel;
import io.curio.inference.placement.Canaries;
import io.curio.inference.placement.CanaryRef;
import io.curio.inference.placement.ServedModel;

/**
 * The request pipeline: place the request with the serving rules in memory, read the reader's history, score with
 * the placed model (or the version of the reader's canary arm), keep the active catalogue and the books the
 * business rules allow, enrich, and log the impression.
 */
public class Recommending {

    private final Supplier<ServingRules> servingRules;

    private final Canaries canaries;

    private final ProfileClient profiles;

    private final ActiveCatalogue catalogue;

    private final ModelRegistry registry;

    private final ImpressionLog impressions;

    private final ModelSpec defaultModel;

    private final VariantFallbacks fallbacks;

    private final ListRules rules;

    public Recommending(Supplier<ServingRules> servingRules, Canaries canaries, ProfileClient profiles,
            ActiveCatalogue catalogue, ModelRegistry registry, ImpressionLog impressions, ModelSpec defaultModel,
            VariantFallbacks fallbacks, ListRules rules) {
        this.servingRules = servingRules;
        this.canaries = canaries;
        this.profiles = profiles;
        this.catalogue = catalogue;
        this.registry = registry;
        this.impressions = impressions;
        this.defaultModel = defaultModel;
        this.fallbacks = fallbacks;
        this.rules = rules;
    }

    public RecommendationList recommend(RecommendationQuery query) {
        ServingRules current = this.servingRules.get();
        Placement placement = current.place(query.userId(), query.surface(), query.plan(), query.platform());
        Optional<UserHistory> history = profile(query);
        Serving serving = chooseModel(placement, new Placed(current, query.userId()), history.isPresent());
        List<ScoredBook> ranked = score(serving, history.orElseGet(UserHistory::empty), query);
        RecommendationList list = respond(query, placement, serving, ranked);
        this.impressions.served(list, query.platform(), serving.canary());
        return list;
    }

    private Optional<UserHistory> profile(RecommendationQuery query) {
        return this.profiles.history(query.userId());
    }

    /**
     * The placed model; when it cannot be served, the default model, else popularity, counted as a fallback.
     * Degraded popularity when the history is unknown.
     */
    private Serving chooseModel(Placement placement, Placed placed, boolean historyKnown) {
        if (!historyKnown) {
            RecommendationModel popular = popularModel().orElseThrow(NoModelAvailableException::new);
            return new Serving(popular, null, popular.popular(), true);
        }
        ServedModel chosen = placedModel(placement, placed).or(() -> serve(this.defaultModel, placed))
            .or(() -> popularModel().map((model) -> new ServedModel(model, null)))
            .orElseThrow(NoModelAvailableException::new);
        return new Serving(chosen.model(), chosen.canary(), fillFor(chosen.model()), !this.catalogue.isLoaded());
    }

    private Optional<ServedModel> placedModel(Placement placement, Placed placed) {
        if (!placement.inExperiment() && placement.model() == null) {
            return Optional.empty();
        }
        Optional<ModelSpec> spec = ModelSpec.parse(placement.model());
        if (spec.isEmpty()) {
            this.fallbacks.count(VariantFallbacks.Reason.UNKNOWN_MODEL);
            return Optional.empty();
        }
        Optional<ServedModel> model = serve(spec.get(), placed);
        if (model.isEmpty()) {
            this.fallbacks.count(VariantFallbacks.Reason.MODEL_UNAVAILABLE);
        }
        return model;
    }

    /** The version of the reader's canary arm when a canary applies, else the model the spec names. */
    private Optional<ServedModel> serve(ModelSpec spec, Placed placed) {
        return this.canaries.serve(spec, placed.userId(), placed.rules())
            .or(() -> this.registry.resolve(spec).map((model) -> new ServedModel(model, null)));
    }

    private RankedBooks fillFor(RecommendationModel model) {
        return this.registry.newest(Algorithm.POPULARITY).orElse(model).popular();
    }

    private Optional<RecommendationModel> popularModel() {
        return this.registry.newest(Algorithm.POPULARITY).or(() -> this.registry.newest(Algorithm.ITEM_NEIGHBOURS));
    }

    private List<ScoredBook> score(Serving serving, UserHistory history, RecommendationQuery query) {
        ListSelection selection = this.rules.forList(query.plan(), history.language(), this.catalogue::book);
        return new Ranking(this::inActiveCatalogue, selection).rank(serving.model(), serving.fill(), history,
                query.limit());
    }

    private boolean inActiveCatalogue(String bookId) {
        return this.catalogue.contains(bookId);
    }

    private RecommendationList respond(RecommendationQuery query, Placement placement, Serving serving,
            List<ScoredBook> ranked) {
        RecommendationList.ExperimentRef experiment = placement.inExperiment()
                ? new RecommendationList.ExperimentRef(placement.experiment(), placement.variant()) : null;
        RecommendationModel model = serving.model();
        return new RecommendationList(query.requestId(), query.userId(), query.surface(), experiment,
                new RecommendationList.ModelRef(model.metadata().algorithm(), model.version()), serving.degraded(),
                ranked.stream().map(this::enrich).toList());
    }

    private RecommendationList.Item enrich(ScoredBook book) {
        Optional<CatalogueBook> known = this.catalogue.book(book.bookId());
        return new RecommendationList.Item(book.bookId(), known.map(CatalogueBook::title).orElse(null),
                known.map(CatalogueBook::authors).orElse(List.of()), book.score());
    }

    private record Serving(RecommendationModel model, CanaryRef canary, RankedBooks fill, boolean degraded) {
    }

    /** The rules a request was placed with and its reader, which together pick a canary arm. */
    private record Placed(ServingRules rules, String userId) {
    }

}
