package io.curio.gateway.operations;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own limits on requests, apart from rate limits.
 *
 * @param maxBodySize largest request body passed to a service; larger ones answer 413
 * @param responseTimeouts how long a service may take to answer before the gateway answers 504
 */
@Validated
@ConfigurationProperties(OperationsProperties.PREFIX)
public record OperationsProperties(@NotNull DataSize maxBodySize, @NotNull @Valid ResponseTimeouts responseTimeouts) {

    static final String PREFIX = "curio.gateway";

    public OperationsProperties {
        if (maxBodySize != null && maxBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException(PREFIX + ".max-body-size must be above 0, was " + maxBodySize);
        }
    }

    /**
     * Response timeouts of the routes, read by the route definitions in {@code application.yml}.
     *
     * @param others every route but recommendations
     * @param recommendationsMillis the recommendations route, in milliseconds as route metadata takes it
     */
    public record ResponseTimeouts(@NotNull Duration others, long recommendationsMillis) {

        public ResponseTimeouts {
            if (others != null && (others.isZero() || others.isNegative())) {
                throw new IllegalArgumentException(PREFIX + ".response-timeouts.others must be above 0, was "
                        + others);
            }
            if (recommendationsMillis <= 0) {
                throw new IllegalArgumentException(PREFIX + ".response-timeouts.recommendations-millis must be "
                        + "above 0, was " + recommendationsMillis);
            }
        }
    }
}
