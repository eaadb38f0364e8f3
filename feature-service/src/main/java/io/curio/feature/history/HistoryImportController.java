package io.curio.feature.history;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /internal/history/imports}: starts imports of interactions from the data hub and shows
 * their progress.
 */
@RestController
class HistoryImportController {

    private static final String IMPORTS = "/internal/history/imports";

    private final HistoryImports imports;

    HistoryImportController(HistoryImports imports) {
        this.imports = imports;
    }

    @PostMapping(IMPORTS)
    ResponseEntity<Map<String, String>> start(@Valid @RequestBody ImportRequest request) {
        HistoryImport started = this.imports.start(request.prefix());
        return ResponseEntity.accepted()
            .location(URI.create(IMPORTS + "/" + started.id()))
            .body(Map.of("id", started.id()));
    }

    @GetMapping(IMPORTS + "/{id}")
    ImportStatus status(@PathVariable String id) {
        return this.imports.find(id).map(HistoryImport::status).orElseThrow(() -> new UnknownImportException(id));
    }

}
