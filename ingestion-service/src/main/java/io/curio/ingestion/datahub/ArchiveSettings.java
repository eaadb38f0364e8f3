package io.curio.ingestion.datahub;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the stream is archived into the data hub: records are buffered per shard and written as one
 * object when the buffer is big enough or old enough.
 *
 * @param maxBytes a shard's buffer is written once its records (uncompressed) reach this size
 * @param maxAge a shard's buffer is written once its oldest record has waited this long
 * @param checkInterval how often buffers are checked for their age
 * @param dedupeWindow how many recently archived event ids are remembered, so that a record delivered
 *     again is not archived twice (0 turns this off; records within one object are always deduplicated)
 * @param retryBackoff pause before writing a buffer again after a failed write
 */
@Validated
@ConfigurationProperties("curio.ingestion.archive")
public record ArchiveSettings(@NotNull @DefaultValue("64MB") DataSize maxBytes,
        @NotNull @DefaultValue("60s") Duration maxAge, @NotNull @DefaultValue("1s") Duration checkInterval,
        @Min(0) @Max(10_000_000) @DefaultValue("200000") int dedupeWindow,
        @NotNull @DefaultValue("1s") Duration retryBackoff) {

    public ArchiveSettings {
        if (maxBytes != null && maxBytes.toBytes() < 1) {
            throw new IllegalArgumentException("curio.ingestion.archive.max-bytes must be positive, not " + maxBytes);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("curio.ingestion.archive.max-age must be positive, not " + maxAge);
        }
    }

}
