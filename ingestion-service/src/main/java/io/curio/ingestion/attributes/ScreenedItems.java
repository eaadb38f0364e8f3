package io.curio.ingestion.attributes;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The records of a poll after the schema check.
 *
 * @param accepted the records that pass, verbatim and in the endpoint's order
 * @param rejected how many records were left out, by reason
 * @param withheld the ids of records left out although their id was sound (a missing title, a field of
 *     the wrong type): the snapshot names them so that feature-service keeps what it has for them
 *     instead of taking them for removed
 */
record ScreenedItems(List<JsonNode> accepted, Map<String, Integer> rejected, List<String> withheld) {

    ScreenedItems {
        accepted = List.copyOf(accepted);
        rejected = Map.copyOf(rejected);
        withheld = List.copyOf(withheld);
    }

    int rejectedCount() {
        return this.rejected.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The share of rejected records among all, 0 when there were none. */
    double rejectedShare() {
        int total = this.accepted.size() + rejectedCount();
        return (total == 0) ? 0 : (double) rejectedCount() / total;
    }

}
