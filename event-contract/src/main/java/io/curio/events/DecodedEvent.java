package io.curio.events;

/**
 * The outcome of reading one event: either a valid event or the reason it was refused.
 */
public sealed interface DecodedEvent {

    record Valid(EngagementEvent event) implements DecodedEvent {
    }

    record Invalid(String reason) implements DecodedEvent {
    }

}
