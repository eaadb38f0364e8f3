package io.curio.ingestion.attributes;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
 * @param attempts attempts per page before the poll of that entity fails (1..5)
 * @param retryBackoff pause between two attempts at a page
 */
@Validated
@ConfigurationProperties("curio.attributes")
public record AttributeSettings(@NotNull @DefaultValue("http://127.0.0.1:9100/books") URI booksUrl,
        @NotNull @DefaultValue("http://127.0.0.1:9100/users") URI usersUrl,
        @NotNull @DefaultValue("5m") Duration pollInterval, @Min(1) @Max(1000) @DefaultValue("1000") int pageSize,
        @NotNull @DefaultValue("2s") Duration connectTimeout, @NotNull @DefaultValue("30s") Duration readTimeout,
        @Min(1) @Max(5) @DefaultValue("3") int attempts, @NotNull @DefaultValue("500ms") Duration retryBackoff) {

    public URI url(AttributeEntity entity) {
        return (entity == AttributeEntity.BOOKS) ? this.booksUrl : this.usersUrl;
    }

}
