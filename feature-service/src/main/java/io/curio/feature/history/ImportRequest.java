package io.curio.feature.history;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /internal/history/imports}.
 *
 * @param prefix the data hub prefix whose event objects to import; must lie under {@code raw/events/}
 */
public record ImportRequest(
        @NotBlank @Size(max = 1024) @Pattern(regexp = "raw/events/.*", message = "must start with raw/events/")
        String prefix) {
}
