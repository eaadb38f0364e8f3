package io.curio.ingestion.datahub;

/**
 * Why a shard's buffer was written to the data hub; the {@code trigger} tag of the flush metrics.
 */
enum FlushTrigger {

    SIZE("size"), AGE("age"), DRAIN("drain");

    private final String tag;

    FlushTrigger(String tag) {
        this.tag = tag;
    }

    String tag() {
        return this.tag;
    }

}
