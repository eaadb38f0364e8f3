package io.curio.ingestion.attributes;

/**
 * The outcome of polling both attribute endpoints.
 *
 * @param books the book snapshot
 * @param users the user snapshot
 */
public record PollReport(EntityPoll books, EntityPoll users) {
}
