package io.curio.inference.recommendation;

import java.util.List;
import java.util.Optional;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.ModelSpec;
import io.curio.inference.model.RankedBooks;
import io.curio.inference.model.RecommendationModel;

/**
 * The request pipeline: assign a variant, read the reader's history, score with the variant's model,
 * keep the active catalogue and the books the business rules allow, enrich, and log the impression.
 */
public class Recommending {

    private final AssignmentClient assignments;

    private final ProfileClient profiles;

    private final ActiveCatalogue catalogue;

    private final ModelRegistry registry;

    private final ImpressionLog impressions;

    private final ModelSpec defaultModel;

    private final VariantFallbacks fallbacks;

    private final ListRules rules;

    public Recommending(AssignmentClient assignments, ProfileClient profiles, ActiveCatalogue catalogue,
            ModelRegistry registry, ImpressionLog impressions, ModelSpec defaultModel, VariantFallbacks fallbacks,
            ListRules rules) {
        this.assignments = assignments;
        this.profiles = profiles;
        this.catalogue = catalogue;
        this.registry = registry;
        this.impressions = impressions;
        this.defaultModel = defaultModel;
        this.fallbacks = fallbacks;
        this.rules = rules;
    }

    public RecommendationList recommend(RecommendationQuery query) {
        Assignment assignment = assign(query);
        Optional<UserHistory> history = profile(query);
        Serving serving = chooseModel(assignment, history.isPresent());
        List<ScoredBook> ranked = score(serving, history.orElseGet(UserHistory::empty), query);
        RecommendationList list = respond(query, assignment, serving, ranked);
        this.impressions.served(list);
        return list;
    }

    private Assignment assign(RecommendationQuery query) {
        return this.assignments.assign(query.userId(), query.surface(), query.plan()).orElseGet(Assignment::none);
    }

    private Optional<UserHistory> profile(RecommendationQuery query) {
        return this.profiles.history(query.userId());
    }

    /**
     * The variant's model; when it cannot be served, the default model, else popularity, counted as a
     * fallback. Degraded popularity when the history is unknown.
     */
    private Serving chooseModel(Assignment assignment, boolean historyKnown) {
        if (!historyKnown) {
            RecommendationModel popular = popularModel().orElseThrow(NoModelAvailableException::new);
            return new Serving(popular, popular.popular(), true);
        }
        RecommendationModel model = assignedModel(assignment).or(() -> this.registry.resolve(this.defaultModel))
            .or(this::popularModel)
            .orElseThrow(NoModelAvailableException::new);
        return new Serving(model, fillFor(model), !this.catalogue.isLoaded());
    }

    private Optional<RecommendationModel> assignedModel(Assignment assignment) {
        if (!assignment.inExperiment() && assignment.model() == null) {
            return Optional.empty();
        }
        Optional<ModelSpec> spec = ModelSpec.parse(assignment.model());
        if (spec.isEmpty()) {
            this.fallbacks.count(VariantFallbacks.Reason.UNKNOWN_MODEL);
            return Optional.empty();
        }
        Optional<RecommendationModel> model = this.registry.resolve(spec.get());
        if (model.isEmpty()) {
            this.fallbacks.count(VariantFallbacks.Reason.MODEL_UNAVAILABLE);
        }
        return model;
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

    private RecommendationList respond(RecommendationQuery query, Assignment assignment, Serving serving,
            List<ScoredBook> ranked) {
        RecommendationList.ExperimentRef experiment = assignment.inExperiment()
                ? new RecommendationList.ExperimentRef(assignment.experiment(), assignment.variant()) : null;
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

    private record Serving(RecommendationModel model, RankedBooks fill, boolean degraded) {
    }

}
