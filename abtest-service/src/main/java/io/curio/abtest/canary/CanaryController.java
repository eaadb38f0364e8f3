package io.curio.abtest.canary;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The canary administration API. The {@code experiments:admin} scope is checked before any of it runs.
 */
@RestController
@RequestMapping("/v1/canaries")
class CanaryController {

    private static final String USER_ID = "X-User-Id";

    private final CanaryAdministration administration;

    CanaryController(CanaryAdministration administration) {
        this.administration = administration;
    }

    @PostMapping
    ResponseEntity<CanaryView> create(@Valid @RequestBody NewCanary request, @RequestHeader(USER_ID) String actor) {
        Canary created = this.administration.create(request, actor);
        return ResponseEntity.created(URI.create("/v1/canaries/" + created.id()))
            .body(this.administration.find(created.id()));
    }

    @GetMapping
    List<CanaryView> list() {
        return this.administration.list();
    }

    @GetMapping("/{id}")
    CanaryView get(@PathVariable String id) {
        return this.administration.find(id);
    }

    @PostMapping("/{id}/abort")
    CanaryView abort(@PathVariable String id, @RequestHeader(USER_ID) String actor) {
        this.administration.abort(id, actor);
        return this.administration.find(id);
    }

}
