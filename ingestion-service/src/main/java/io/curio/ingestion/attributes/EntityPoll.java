package io.curio.ingestion.attributes;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of polling one entity: the snapshot written, or why none was.
 *
 * @param items how many items the snapshot holds, or {@code null} when the poll failed
 * @param key the snapshot's data hub key, or {@code null} when the poll failed
 * @param error why the poll failed, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityPoll(Integer items, String key, String error) {

    static EntityPoll written(int items, String key) {
        return new EntityPoll(items, key, null);
    }

    static EntityPoll failed(String error) {
        return new EntityPoll(null, null, error);
    }

    public boolean succeeded() {
        return this.error == null;
    }

}
