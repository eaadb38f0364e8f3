package io.curio.inference.placement;

/**
 * The canary a list was served under, as impressions carry it.
 *
 * @param id the canary's id
 * @param arm {@code candidate} or {@code baseline}: the arm whose version really served the list
 */
public record CanaryRef(String id, String arm) {
}
