package io.curio.ingestion.attributes;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What paging through an endpoint gave: every item, or the answer that nothing changed since the
 * version asked about.
 *
 * @param unchanged whether the endpoint answered {@code 304 Not Modified}
 * @param items every item of every page, verbatim; empty when unchanged
 * @param version the collection version the endpoint served
 */
record FetchResult(boolean unchanged, List<JsonNode> items, CollectionVersion version) {

    FetchResult {
        items = List.copyOf(items);
    }

    static FetchResult unchanged(CollectionVersion version) {
        return new FetchResult(true, List.of(), version);
    }

    static FetchResult fetched(List<JsonNode> items, CollectionVersion version) {
        return new FetchResult(false, items, version);
    }

}
