package io.curio.inference.recommendation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.curio.inference.training.BookAttributes;
import io.curio.inference.training.CatalogueAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The books that may be recommended, with their titles and authors, kept in memory and revalidated
 * against feature-service with {@code If-None-Match}.
 */
public class ActiveCatalogue implements CatalogueAttributes {

    private static final Logger logger = LoggerFactory.getLogger(ActiveCatalogue.class);

    private final RestClient features;

    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    private volatile boolean lastRefreshFailed;

    public ActiveCatalogue(RestClient features) {
        this.features = features;
    }

    /** Whether a catalogue has been loaded at all. */
    public boolean isLoaded() {
        return this.current.get() != null;
    }

    /** Whether a book may be recommended; every book may while no catalogue has been loaded yet. */
    public boolean contains(String bookId) {
        Snapshot snapshot = this.current.get();
        return snapshot == null || snapshot.books().containsKey(bookId);
    }

    public Optional<CatalogueBook> book(String bookId) {
        Snapshot snapshot = this.current.get();
        return (snapshot != null) ? Optional.ofNullable(snapshot.books().get(bookId)) : Optional.empty();
    }

    /** What the content model learns from: the attributes of every book of the last catalogue loaded. */
    @Override
    public List<BookAttributes> attributes() {
        Snapshot snapshot = this.current.get();
        if (snapshot == null) {
            return List.of();
        }
        return snapshot.books()
            .values()
            .stream()
            .map((book) -> new BookAttributes(book.bookId(), book.authors(), book.tags(), book.language(),
                    book.year()))
            .toList();
    }

    /** Fetches the catalogue unless it is unchanged since the last fetch. */
    public void refresh() {
        Snapshot known = this.current.get();
        try {
            ResponseEntity<CatalogueResponse> response = this.features.get()
                .uri("/internal/books")
                .headers((headers) -> ifKnown(known, (etag) -> headers.setIfNoneMatch(etag)))
                .retrieve()
                .toEntity(CatalogueResponse.class);
            replace(response);
            this.lastRefreshFailed = false;
        }
        catch (RestClientException ex) {
            warnOnce(ex);
        }
    }

    void replace(List<CatalogueBook> books, String etag) {
        Map<String, CatalogueBook> byId = books.stream()
            .filter((book) -> book.bookId() != null)
            .collect(Collectors.toUnmodifiableMap(CatalogueBook::bookId, Function.identity(), (a, b) -> a));
        this.current.set(new Snapshot(etag, byId));
    }

    private void replace(ResponseEntity<CatalogueResponse> response) {
        if (response.getStatusCode() == HttpStatus.NOT_MODIFIED || response.getBody() == null) {
            return;
        }
        if (response.getBody().items().isEmpty()) {
            // No snapshot applied yet: an empty catalogue would filter every list down to nothing.
            return;
        }
        replace(response.getBody().items(), response.getHeaders().getETag());
    }

    private static void ifKnown(Snapshot known, Consumer<String> etag) {
        if (known != null && known.etag() != null) {
            etag.accept(known.etag());
        }
    }

    private void warnOnce(RestClientException ex) {
        if (!this.lastRefreshFailed) {
            logger.warn("Cannot refresh the active catalogue from feature-service; keeping the last one", ex);
        }
        else {
            logger.debug("Catalogue refresh failed again", ex);
        }
        this.lastRefreshFailed = true;
    }

    private record Snapshot(String etag, Map<String, CatalogueBook> books) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogueResponse(String version, List<CatalogueBook> items) {

        CatalogueResponse {
            items = (items != null) ? items : List.of();
        }

    }

}
