package io.curio.ingestion.attributes;

import java.time.Duration;

/**
 * Waits between two attempts at a page; replaced in tests, which record the pauses instead.
 */
@FunctionalInterface
interface Pause {

    Pause SLEEP = (duration) -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;

}
