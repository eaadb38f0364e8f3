package io.curio.abtest.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.curio.assignment.Placement;

/**
 * The serving rules inference-service polls and applies locally, and the placement of one request for callers
 * that would rather ask.
 */
@RestController
class AssignmentController {

    private final RunningExperiments running;

    private final AssignmentMeters meters;

    AssignmentController(RunningExperiments running, AssignmentMeters meters) {
        this.running = running;
        this.meters = meters;
    }

    /** The serving rules, or 304 when the caller's copy (its {@code If-None-Match}) is still current. */
    @GetMapping("/internal/serving-rules")
    ResponseEntity<String> servingRules(@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
            String ifNoneMatch) {
        PublishedRules published = this.running.published();
        if (matches(ifNoneMatch, published.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(published.etag()).build();
        }
        return ResponseEntity.ok().eTag(published.etag()).contentType(MediaType.APPLICATION_JSON)
            .body(published.json());
    }

    @GetMapping("/internal/assignments")
    Assignment assign(@RequestParam @NotBlank @Size(max = 128) String userId,
            @RequestParam(defaultValue = "home") String surface,
            @RequestParam(defaultValue = "free") String plan, @RequestParam(required = false) String platform) {
        Placement placement = this.running.rules().place(userId, surface, plan, platform);
        if (placement.inExperiment()) {
            this.meters.assignments(placement.experiment(), placement.variant()).increment();
        }
        return new Assignment(placement.experiment(), placement.variant(), placement.model());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || trimmed.equals(etag)) {
                return true;
            }
        }
        return false;
    }

}
