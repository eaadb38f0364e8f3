package io.curio.inference.recommendation;

import java.util.List;
import java.util.Optional;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.ModelRegistry;
import io.curio.inference.model.Models;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(FallbackListController.class)
class FallbackListControllerTests {

    private static final String VERSION = "2026-12-04T10-00-00Z";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ModelRegistry registry;

    @MockitoBean
    private ActiveCatalogue catalogue;

    @Test
    void listsPopularCatalogueBooksBestFirstWithTheirPremiumFlag() throws Exception {
        // given
        given(this.registry.newest(Algorithm.POPULARITY)).willReturn(Optional.of(Models.popularity(VERSION,
                new String[] { "a", "b", "c" }, new float[] { 1f, 3f, 2f })));
        given(this.catalogue.isLoaded()).willReturn(true);
        given(this.catalogue.book(anyString())).willReturn(Optional.empty());
        given(this.catalogue.book("a")).willReturn(Optional.of(book("a", false)));
        given(this.catalogue.book("b")).willReturn(Optional.of(book("b", true)));

        // when / then
        this.mvc.perform(get("/internal/fallback-list"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.model.algorithm").value("popularity"))
            .andExpect(jsonPath("$.model.version").value(VERSION))
            .andExpect(jsonPath("$.items.length()").value(2))
            .andExpect(jsonPath("$.items[0].bookId").value("b"))
            .andExpect(jsonPath("$.items[0].premiumOnly").value(true))
            .andExpect(jsonPath("$.items[0].title").value("Title b"))
            .andExpect(jsonPath("$.items[0].authors[0]").value("Author b"))
            .andExpect(jsonPath("$.items[0].score").value(3.0))
            .andExpect(jsonPath("$.items[1].bookId").value("a"))
            .andExpect(jsonPath("$.items[1].premiumOnly").value(false));
    }

    @Test
    void answersUnavailableWithoutPopularityModel() throws Exception {
        // given
        given(this.registry.newest(Algorithm.POPULARITY)).willReturn(Optional.empty());
        given(this.catalogue.isLoaded()).willReturn(true);

        // when / then
        this.mvc.perform(get("/internal/fallback-list")).andExpect(status().isServiceUnavailable());
    }

    @Test
    void answersUnavailableWhileNoCatalogueIsLoaded() throws Exception {
        // given
        given(this.registry.newest(Algorithm.POPULARITY)).willReturn(Optional.of(Models.popularity(VERSION,
                new String[] { "a" }, new float[] { 1f })));
        given(this.catalogue.isLoaded()).willReturn(false);

        // when / then
        this.mvc.perform(get("/internal/fallback-list")).andExpect(status().isServiceUnavailable());
    }

    private static CatalogueBook book(String bookId, boolean premiumOnly) {
        return new CatalogueBook(bookId, "Title " + bookId, List.of("Author " + bookId), "eng", 2008, List.of(),
                premiumOnly);
    }

}
