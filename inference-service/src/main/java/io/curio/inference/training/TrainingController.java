package io.curio.inference.training;

import java.util.Map;

import io.curio.inference.model.Algorithm;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/internal/models")
class TrainingController {

    private final TrainingJobs jobs;

    TrainingController(TrainingJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/{algorithm}/trainings")
    ResponseEntity<Map<String, String>> startTraining(@PathVariable String algorithm,
            @RequestBody(required = false) TrainingOptions options) {
        Algorithm known = Algorithm.fromModelName(algorithm)
            .orElseThrow(() -> new UnknownAlgorithmException(algorithm));
        TrainingStatus status = this.jobs.start(known, (options != null) ? options : TrainingOptions.DEFAULTS);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", status.id()));
    }

    @GetMapping("/trainings/{id}")
    TrainingStatus training(@PathVariable String id) {
        return this.jobs.status(id).orElseThrow(() -> new UnknownTrainingException(id));
    }

}
