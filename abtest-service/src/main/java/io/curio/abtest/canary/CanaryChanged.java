package io.curio.abtest.canary;

/**
 * Published inside the transaction that created, moved or finished a canary.
 *
 * @param id the canary
 * @param action what happened
 */
public record CanaryChanged(String id, String action) {
}
