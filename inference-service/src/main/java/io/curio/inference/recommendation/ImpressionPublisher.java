package io.curio.inference.recommendation;

import io.curio.events.EngagementEvent;

/**
 * Where impressions go: the engagement stream in production.
 */
@FunctionalInterface
public interface ImpressionPublisher {

    /**
     * Puts the event on the stream before returning.
     *
     * @throws RuntimeException when it could not
     */
    void publish(EngagementEvent impression);

}
