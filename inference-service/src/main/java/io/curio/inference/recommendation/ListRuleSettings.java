package io.curio.inference.recommendation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Business rules applied to every list after scoring, under {@code curio.inference.rules}. Premium-only
 * books are never shown to readers without the premium plan; that rule has no switch.
 *
 * @param languageMatch whether a reader with a known language is spared books known to be in another one
 * @param maxPerAuthor most books of one (first listed) author in a list; 0 lifts the cap
 */
@Validated
@ConfigurationProperties("curio.inference.rules")
public record ListRuleSettings(@DefaultValue("true") boolean languageMatch,
        @DefaultValue("2") @Min(0) @Max(100) int maxPerAuthor) {
}
