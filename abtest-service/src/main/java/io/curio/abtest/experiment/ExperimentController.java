package io.curio.abtest.experiment;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The experiment administration API. The {@code experiments:admin} scope is checked before any of it runs.
 */
@RestController
@RequestMapping("/v1/experiments")
class ExperimentController {

    private static final String USER_ID = "X-User-Id";

    private final ExperimentAdministration administration;

    ExperimentController(ExperimentAdministration administration) {
        this.administration = administration;
    }

    @PostMapping
    ResponseEntity<ExperimentView> create(@Valid @RequestBody NewExperiment request,
            @RequestHeader(USER_ID) String actor) {
        Experiment created = this.administration.create(request, actor);
        return ResponseEntity.created(URI.create("/v1/experiments/" + created.key()))
            .body(ExperimentView.of(created));
    }

    @GetMapping("/{key}")
    ExperimentView get(@PathVariable String key) {
        return ExperimentView.of(this.administration.find(key));
    }

    @PatchMapping("/{key}")
    ExperimentView change(@PathVariable String key, @Valid @RequestBody ExperimentChange change,
            @RequestHeader(USER_ID) String actor) {
        return ExperimentView.of(this.administration.change(key, change, actor));
    }

    @PostMapping("/{key}/start")
    ExperimentView start(@PathVariable String key, @RequestHeader(USER_ID) String actor) {
        return ExperimentView.of(this.administration.start(key, actor));
    }

    @PostMapping("/{key}/stop")
    ExperimentView stop(@PathVariable String key, @Valid @RequestBody(required = false) ExperimentStop stop,
            @RequestHeader(USER_ID) String actor) {
        ExperimentStop given = (stop != null) ? stop : ExperimentStop.NO_WINNER;
        return ExperimentView.of(this.administration.stop(key, given, actor));
    }

}
