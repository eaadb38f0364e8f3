package io.curio.inference.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.RankedBooks;
import io.curio.inference.model.RecommendationModel;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The non-personalized list the gateway answers with when personalized recommendations fail: the popularity
 * model's best books (else item-neighbours' cold-start order) that the active catalogue admits, with their titles.
 */
@RestController
class FallbackListController {

    static final int MAX_LIMIT = 500;

    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,4}");

    private final ModelRegistry registry;

    private final ActiveCatalogue catalogue;

    FallbackListController(ModelRegistry registry, ActiveCatalogue catalogue) {
        this.registry = registry;
        this.catalogue = catalogue;
    }

    @GetMapping("/internal/fallback-list")
    FallbackList fallbackList(@RequestParam(required = false) String limit) {
        int size = limit(limit);
        RecommendationModel model = this.registry.newest(Algorithm.POPULARITY)
            .or(() -> this.registry.newest(Algorithm.ITEM_NEIGHBOURS))
            .orElseThrow(NoModelAvailableException::new);
        return new FallbackList(model.metadata().algorithm(), model.version(), items(model.popular(), size));
    }

    private List<RecommendationList.Item> items(RankedBooks ranked, int size) {
        List<RecommendationList.Item> items = new ArrayList<>(Math.min(size, ranked.size()));
        for (int rank = 0; rank < ranked.size() && items.size() < size; rank++) {
            String bookId = ranked.bookAt(rank);
            if (this.catalogue.contains(bookId)) {
                items.add(item(bookId, ranked.scoreAt(rank)));
            }
        }
        return items;
    }

    private RecommendationList.Item item(String bookId, float score) {
        Optional<CatalogueBook> book = this.catalogue.book(bookId);
        return new RecommendationList.Item(bookId, book.map(CatalogueBook::title).orElse(null),
                book.map(CatalogueBook::authors).orElse(List.of()), score);
    }

    private static int limit(String limit) {
        if (limit == null) {
            return 100;
        }
        int value = LIMIT.matcher(limit).matches() ? Integer.parseInt(limit) : -1;
        if (value < 1 || value > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "limit must be an integer from 1 to " + MAX_LIMIT
                    + ", not '" + InvalidParameterException.shorten(limit) + "'");
        }
        return value;
    }

    /**
     * @param algorithm the model the list comes from
     * @param version that model's registry version
     * @param items the books, best first
     */
    record FallbackList(String algorithm, String version, List<RecommendationList.Item> items) {
    }

}
