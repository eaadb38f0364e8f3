package io.curio.inference.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.Models;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class FallbackListControllerTests {

    private final ModelRegistry registry = new ModelRegistry(null, new SimpleMeterRegistry());

    private final ActiveCatalogue catalogue = new ActiveCatalogue(null);

    private final FallbackListController controller = new FallbackListController(this.registry, this.catalogue);

    @Test
    void listsThePopularBooksOfTheCatalogueBestFirstWithTitles() {
        this.registry.activate(Models.popularity("2026-12-04T09-00-00Z", new String[] { "a", "b", "c" },
                new float[] { 1, 3, 2 }));
        this.catalogue.replace(List.of(book("a"), book("b")), "\"v1\"");

        FallbackListController.FallbackList list = this.controller.fallbackList("5");

        assertThat(list.algorithm()).isEqualTo("popularity");
        assertThat(list.version()).isEqualTo("2026-12-04T09-00-00Z");
        assertThat(list.items()).extracting(RecommendationList.Item::bookId).containsExactly("b", "a");
        assertThat(list.items().get(0).title()).isEqualTo("Title b");
        assertThat(list.items().get(0).authors()).containsExactly("Author b");
    }

    @Test
    void keepsToTheLimit() {
        this.registry.activate(Models.popularity("v1", new String[] { "a", "b", "c" }, new float[] { 1, 3, 2 }));

        assertThat(this.controller.fallbackList("2").items()).extracting(RecommendationList.Item::bookId)
            .containsExactly("b", "c");
    }

    @Test
    void usesTheNeighbourModelsOrderWithoutPopularity() {
        this.registry.activate(Models.neighbours("n1"));

        FallbackListController.FallbackList list = this.controller.fallbackList(null);

        assertThat(list.algorithm()).isEqualTo("item-neighbours");
        assertThat(list.items()).extracting(RecommendationList.Item::bookId).startsWith("a", "b");
    }

    @Test
    void refusesWithoutAnyModel() {
        assertThatThrownBy(() -> this.controller.fallbackList(null)).isInstanceOf(NoModelAvailableException.class);
    }

    @Test
    void refusesALimitOutOfRange() {
        assertThatThrownBy(() -> this.controller.fallbackList("0")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> this.controller.fallbackList("501")).isInstanceOf(InvalidParameterException.class);
    }

    private static CatalogueBook book(String id) {
        return new CatalogueBook(id, "Title " + id, List.of("Author " + id), null, null, List.of(), false);
    }

}
