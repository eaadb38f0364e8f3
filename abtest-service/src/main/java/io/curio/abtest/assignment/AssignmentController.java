package io.curio.abtest.assignment;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.curio.abtest.experiment.Experiment;
import io.curio.abtest.experiment.Variant;
import io.curio.assignment.Allocation;
import io.curio.assignment.Arm;
import io.curio.assignment.BucketRange;
import io.curio.assignment.RunningExperiment;
import io.curio.assignment.Targeting;

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
            .flatMap((experiment) -> assignment(experiment).assign(userId, plan, platform)
                .map((arm) -> assigned(experiment, arm.name())))
            .orElse(Assignment.NONE);
    }

    private static RunningExperiment assignment(Experiment experiment) {
        List<List<BucketRange>> allocation = Allocation
            .consecutive(experiment.variants().stream().map(Variant::weight).toList());
        List<Arm> arms = new ArrayList<>();
        for (int i = 0; i < allocation.size(); i++) {
            Variant variant = experiment.variants().get(i);
            arms.add(new Arm(variant.name(), variant.model(), allocation.get(i)));
        }
        Targeting targeting = new Targeting(experiment.targeting().plans(), experiment.targeting().platforms());
        return new RunningExperiment(experiment.key(), experiment.surface(), experiment.trafficPercent(), targeting,
                arms);
    }

    private Assignment assigned(Experiment experiment, String variantName) {
        Variant variant = experiment.variants().stream()
            .filter((candidate) -> candidate.name().equals(variantName))
            .findFirst()
            .orElseThrow();
        this.meters.assignments(experiment, variant).increment();
        return new Assignment(experiment.key(), variant.name(), variant.model());
    }

}
