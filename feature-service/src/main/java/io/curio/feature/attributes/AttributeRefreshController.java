package io.curio.feature.attributes;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/attributes/refresh}: checks the data hub for newer snapshots now.
 */
@RestController
class AttributeRefreshController {

    private final SnapshotRefresh refresh;

    AttributeRefreshController(SnapshotRefresh refresh) {
        this.refresh = refresh;
    }

    @PostMapping("/internal/attributes/refresh")
    Map<String, RefreshOutcome> refresh() {
        return this.refresh.refresh();
    }

}
