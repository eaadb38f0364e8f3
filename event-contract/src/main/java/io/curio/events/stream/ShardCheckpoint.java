package io.curio.events.stream;

/**
 * The checkpoint of one shard of the engagement stream, for a handler that makes records durable
 * later than it receives them.
 */
@FunctionalInterface
public interface ShardCheckpoint {

    /**
     * Records that every record of the shard up to and including {@code sequenceNumber} is durable:
     * after a restart the stream resumes after it. Moving backwards is ignored.
     */
    void advanceTo(String sequenceNumber);

}
