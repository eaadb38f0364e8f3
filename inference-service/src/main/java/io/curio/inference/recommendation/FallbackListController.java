package io.curio.inference.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.RankedBooks;
import io.curio.inference.model.RecommendationModel;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /internal/fallback-list}: the popular books the gateway keeps to answer with while this service cannot.
 * Only books the active catalogue describes are listed, so that each carries its title, authors and premium flag;
 * while no catalogue or no popularity model is loaded the answer is 503 and the gateway keeps the list it has.
 */
@RestController
class FallbackListController {

    /** Enough for the largest list (100) after leaving out premium-only books. */
    static final int SIZE = 500;

    private final ModelRegistry registry;

    private final ActiveCatalogue catalogue;

    FallbackListController(ModelRegistry registry, ActiveCatalogue catalogue) {
        this.registry = registry;
        this.catalogue = catalogue;
    }

    @GetMapping("/internal/fallback-list")
    FallbackList fallbackList() {
        RecommendationModel popularity = this.registry.newest(Algorithm.POPULARITY)
            .orElseThrow(NoModelAvailableException::new);
        if (!this.catalogue.isLoaded()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the active catalogue is not loaded yet");
        }
        return new FallbackList(new RecommendationList.ModelRef(popularity.metadata().algorithm(),
                popularity.version()), described(popularity.popular()));
    }

    private List<FallbackList.Book> described(RankedBooks ranked) {
        List<FallbackList.Book> books = new ArrayList<>(SIZE);
        for (int rank = 0; rank < ranked.size() && books.size() < SIZE; rank++) {
            float score = ranked.scoreAt(rank);
            Optional<CatalogueBook> book = this.catalogue.book(ranked.bookAt(rank));
            book.ifPresent((known) -> books.add(new FallbackList.Book(known.bookId(), known.title(), known.authors(),
                    score, known.premiumOnly())));
        }
        return books;
    }

}
