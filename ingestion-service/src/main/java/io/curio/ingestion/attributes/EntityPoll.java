package io.curio.ingestion.attributes;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of polling one entity: the snapshot written or still in force, or why none was written.
 *
 * @param outcome {@code success}, {@code unchanged}, {@code failure}, {@code refused} or {@code circuit-open}
 * @param items how many items the snapshot written or in force holds, or {@code null} when unknown
 * @param key the data hub key of the snapshot written or in force, or {@code null} when unknown
 * @param rejected how many malformed records were left out, or {@code null} when none were read
 * @param error why no snapshot was written, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityPoll(String outcome, Integer items, String key, Integer rejected, String error) {

    static EntityPoll written(int items, String key, int rejected) {
        return new EntityPoll(PollOutcome.SUCCESS.tag(), items, key, rejected, null);
    }

    static EntityPoll unchanged(PollState inForce) {
        return new EntityPoll(PollOutcome.UNCHANGED.tag(), inForce.items(), inForce.key(), null, null);
    }

    static EntityPoll notWritten(PollOutcome outcome, String error) {
        return new EntityPoll(outcome.tag(), null, null, null, error);
    }

    public boolean succeeded() {
        return this.error == null;
    }

}
