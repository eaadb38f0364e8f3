package io.curio.inference.model;

import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the promotion gate, under {@code curio.inference.promotion}.
 *
 * @param tolerance how much lower (absolute) a candidate's metric may be than the served version's
 * @param metrics the offline metrics compared, each only when both versions have it
 */
@Validated
@ConfigurationProperties("curio.inference.promotion")
public record PromotionProperties(@DefaultValue("0.01") @DecimalMin("0") double tolerance,
        @DefaultValue({ "recall@20", "ndcg@20" }) @NotNull List<String> metrics) {

    public PromotionProperties {
        metrics = List.copyOf(metrics);
    }

    /** The defaults: tolerance 0.01 on {@code recall@20} and {@code ndcg@20}. */
    public static PromotionProperties defaults() {
        return new PromotionProperties(0.01, List.of("recall@20", "ndcg@20"));
    }

}
