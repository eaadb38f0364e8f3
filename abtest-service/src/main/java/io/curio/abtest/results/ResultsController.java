package io.curio.abtest.results;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.curio.abtest.experiment.ExperimentAdministration;

/**
 * Results of an experiment, as JSON by default and as a page for a browser: the page answers when the request's
 * {@code Accept} header prefers {@code text/html}.
 */
@RestController
class ResultsController {

    private final ExperimentAdministration experiments;

    private final MeasuredResults measured;

    ResultsController(ExperimentAdministration experiments, MeasuredResults measured) {
        this.experiments = experiments;
        this.measured = measured;
    }

    @GetMapping("/v1/experiments/{key}/results")
    ExperimentResults results(@PathVariable String key) {
        return this.measured.of(this.experiments.find(key));
    }

    @GetMapping(path = "/v1/experiments/{key}/results", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String key) {
        return ResponseEntity.ok()
            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .body(ResultsPage.render(results(key)));
    }

}
