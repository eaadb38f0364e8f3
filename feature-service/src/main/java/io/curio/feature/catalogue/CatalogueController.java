package io.curio.feature.catalogue;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code GET /internal/books}: the active catalogue, with an entity tag so that a caller polling
 * it downloads it only when a new snapshot was applied.
 */
@RestController
class CatalogueController {

    private final Catalogues catalogues;

    CatalogueController(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @GetMapping("/internal/books")
    ResponseEntity<byte[]> books(WebRequest request) {
        String etag = Catalogues.etag(this.catalogues.version());
        if (request.checkNotModified(etag)) {
            return null;
        }
        Catalogues.Rendered catalogue = this.catalogues.current();
        return ResponseEntity.ok()
            .eTag(catalogue.etag())
            .contentType(MediaType.APPLICATION_JSON)
            .body(catalogue.json());
    }

}
