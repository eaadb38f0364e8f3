package io.curio.ingestion.attributes;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The attribute endpoints polled into data hub snapshots.
 *
 * @param booksUrl the book attribute endpoint
 * @param usersUrl the user attribute endpoint
 * @param pollInterval pause between the end of one scheduled poll and the start of the next
 * @param pageSize items asked for per page (1..1000)
 * @param connectTimeout connection timeout per request
 * @param readTimeout read timeout per request
 * @param attempts attempts per page before the poll of that entity fails (1..10)
 * @param retryBackoff pause before the first retry of a page; each further retry waits twice as long
 * @param retryBackoffMax the longest pause between two attempts at a page
 * @param maxPageSize the largest page body read; a larger page fails the poll
 * @param maxItems the most items one poll may list; more fail the poll
 * @param maxRejectedShare the share of malformed records (0..1) above which the poll writes nothing
 * @param refuseEmpty whether a poll listing no item is refused while the last good snapshot had items
 * @param staleAfter age of the last good snapshot past which health reports it stale
 * @param circuit when the endpoint of an entity is no longer called for a while
 */
@Validated
@ConfigurationProperties("curio.attributes")
public record AttributeSettings(@NotNull @DefaultValue("http://127.0.0.1:9100/books") URI booksUrl,
        @NotNull @DefaultValue("http://127.0.0.1:9100/users") URI usersUrl,
        @NotNull @DefaultValue("5m") Duration pollInterval, @Min(1) @Max(1000) @DefaultValue("1000") int pageSize,
        @NotNull @DefaultValue("2s") Duration connectTimeout, @NotNull @DefaultValue("30s") Duration readTimeout,
        @Min(1) @Max(10) @DefaultValue("3") int attempts, @NotNull @DefaultValue("500ms") Duration retryBackoff,
        @NotNull @DefaultValue("10s") Duration retryBackoffMax, @NotNull @DefaultValue("16MB") DataSize maxPageSize,
        @Min(1) @DefaultValue("1000000") int maxItems,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.1") double maxRejectedShare,
        @DefaultValue("true") boolean refuseEmpty, @NotNull @DefaultValue("30m") Duration staleAfter,
        @Valid @NotNull @DefaultValue Circuit circuit) {

    public URI url(AttributeEntity entity) {
        return (entity == AttributeEntity.BOOKS) ? this.booksUrl : this.usersUrl;
    }

    Backoff backoff() {
        return new Backoff(this.retryBackoff, this.retryBackoffMax);
    }

    /**
     * The circuit breaker of each entity's endpoint.
     *
     * @param failedPolls failed polls in a row that open the circuit (1..100)
     * @param openFor how long an open circuit skips polls before one trial poll is let through
     */
    public record Circuit(@Min(1) @Max(100) @DefaultValue("3") int failedPolls,
            @NotNull @DefaultValue("10m") Duration openFor) {
    }

}
