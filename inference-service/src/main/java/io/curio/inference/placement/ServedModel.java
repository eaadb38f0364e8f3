package io.curio.inference.placement;

import io.curio.inference.model.RecommendationModel;

/**
 * The model chosen for a request.
 *
 * @param model the model that ranks the list
 * @param canary the canary that chose its version, or {@code null}
 */
public record ServedModel(RecommendationModel model, CanaryRef canary) {
}
