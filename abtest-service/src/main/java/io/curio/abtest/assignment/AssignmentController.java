package io.curio.abtest.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.Variant;

/**
 * Which variant of the running experiment on a surface a user sees; asked by inference-service per request.
 */
@RestController
class AssignmentController {

    private final RunningExperiments running;

    private final AssignmentMeters meters;

    AssignmentController(RunningExperiments running, AssignmentMeters meters) {
        this.running = running;
        this.meters = meters;
    }

    @GetMapping("/internal/assignments")
    Assignment assign(@RequestParam @NotBlank @Size(max = 128) String userId,
            @RequestParam(defaultValue = "home") String surface,
            @RequestParam(defaultValue = "free") String plan, @RequestParam(required = false) String platform) {
        return this.running.on(surface)
            .filter((experiment) -> experiment.targeting().includes(plan, platform))
            .flatMap((experiment) -> VariantAssignment
                .assign(experiment.key(), userId, experiment.variants(), experiment.trafficPercent())
                .map((variant) -> assigned(experiment, variant)))
            .orElse(Assignment.NONE);
    }

    private Assignment assigned(Experiment experiment, Variant variant) {
        this.meters.assignments(experiment, variant).increment();
        return new Assignment(experiment.key(), variant.name(), variant.model());
    }

}
