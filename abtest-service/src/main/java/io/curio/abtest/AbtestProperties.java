package io.curio.abtest;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the A/B test service, bound from {@code curio.abtest.*}.
 *
 * @param refreshInterval how often the in-memory copy of the running experiments is reloaded, on top of
 * the reload after every change made through this instance; also the least time between two recomputations of
 * the CTR gauges
 * @param knownAlgorithms the algorithms inference-service can serve; a variant's model must name one of them
 * @param attributionWindow how long after its impression a click, open, finish or upgrade still counts for it;
 * positive
 * @param attributionSkew how much earlier than its impression an outcome may be stamped and still count, for
 * device clocks running behind the server's; zero up to one hour
 * @param maxBodySize the largest request body accepted; a larger one is answered 413 before it is parsed
 */
@Validated
@ConfigurationProperties("curio.abtest")
public record AbtestProperties(@NotNull Duration refreshInterval,
        @NotEmpty List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,64}") String> knownAlgorithms,
        @DefaultValue("30m") @NotNull @DurationMin(nanos = 1) Duration attributionWindow,
        @DefaultValue("1m") @NotNull @DurationMin(nanos = 0) @DurationMax(hours = 1) Duration attributionSkew,
        @DefaultValue("64KB") @NotNull DataSize maxBodySize) {

    /** The attribution window and clock skew used when none is configured. */
    public static final Duration DEFAULT_ATTRIBUTION_WINDOW = Duration.ofMinutes(30);

    public static final Duration DEFAULT_ATTRIBUTION_SKEW = Duration.ofMinutes(1);

    /** The largest request body accepted when none is configured. */
    public static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofKilobytes(64);

    @ConstructorBinding
    public AbtestProperties {
        knownAlgorithms = (knownAlgorithms != null) ? List.copyOf(knownAlgorithms) : null;
    }

    /** Settings with the default attribution window and clock skew. */
    public AbtestProperties(Duration refreshInterval, List<String> knownAlgorithms) {
        this(refreshInterval, knownAlgorithms, DEFAULT_ATTRIBUTION_WINDOW, DEFAULT_ATTRIBUTION_SKEW,
                DEFAULT_MAX_BODY_SIZE);
    }

    /** Whether the body limit is at least one byte and fits an int; checked at startup. */
    @AssertTrue(message = "max-body-size must be 1 B up to 2 GB")
    public boolean isMaxBodySizeUsable() {
        return this.maxBodySize == null
                || (this.maxBodySize.toBytes() > 0 && this.maxBodySize.toBytes() < Integer.MAX_VALUE);
    }

}
