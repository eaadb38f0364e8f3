package io.curio.ingestion.attributes;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/attributes/polls}: polls both attribute endpoints now.
 */
@RestController
public class AttributePollController {

    private final AttributeSnapshots snapshots;

    public AttributePollController(AttributeSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @PostMapping("/internal/attributes/polls")
    public PollReport poll() {
        return this.snapshots.pollAll();
    }

}
