package io.curio.inference.web;

import java.net.URI;

import io.curio.inference.model.Algorithm;
import io.curio.inference.model.InvalidModelException;
import io.curio.inference.model.ModelSpec;
import io.curio.inference.model.NoPreviousVersionException;
import io.curio.inference.model.UnknownModelVersionException;
import io.curio.inference.model.UnloadableModelException;
import io.curio.inference.recommendation.InvalidParameterException;
import io.curio.inference.recommendation.MissingIdentityException;
import io.curio.inference.recommendation.NoModelAvailableException;
import io.curio.inference.training.TrainingQueueFullException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsHandlerTests {

    private final ProblemDetailsHandler handler = new ProblemDetailsHandler();

    @Test
    void namesInvalidParametersWithACurioUrn() {
        ProblemDetail problem = this.handler.invalidParameter(new InvalidParameterException("limit", "too big"));

        assertThat(problem.getType()).isEqualTo(URI.create("urn:curio:problem:invalid-parameter"));
        assertThat(problem.getStatus()).isEqualTo(400);
    }

    @Test
    void namesEveryServiceProblemWithACurioUrn() {
        assertThat(this.handler.missingIdentity(new MissingIdentityException()).getType())
            .isEqualTo(URI.create("urn:curio:problem:unauthenticated"));
        assertThat(this.handler.noModel(new NoModelAvailableException()).getType())
            .isEqualTo(URI.create("urn:curio:problem:no-model"));
        assertThat(this.handler.trainingQueueFull(new TrainingQueueFullException(8)).getType())
            .isEqualTo(URI.create("urn:curio:problem:training-queue-full"));
        assertThat(this.handler.unexpected(new IllegalStateException("boom")).getType())
            .isEqualTo(URI.create("urn:curio:problem:internal-error"));
    }

    @Test
    void answersRegistryAdministrationProblemsWithTheirStatus() {
        ModelSpec spec = ModelSpec.parse("popularity@2026-12-04T10-00-00Z").orElseThrow();

        ProblemDetail unknown = this.handler.unknownModelVersion(
                new UnknownModelVersionException(Algorithm.POPULARITY, "2026-12-04T10-00-00Z"));
        ProblemDetail noPrevious = this.handler.noPreviousVersion(
                new NoPreviousVersionException(Algorithm.POPULARITY, "2026-12-04T10-00-00Z"));
        ProblemDetail unloadable = this.handler.unloadableModel(
                new UnloadableModelException(spec, new InvalidModelException("bad magic bytes")));

        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getType()).isEqualTo(URI.create("urn:curio:problem:unknown-model-version"));
        assertThat(noPrevious.getStatus()).isEqualTo(409);
        assertThat(noPrevious.getType()).isEqualTo(URI.create("urn:curio:problem:no-previous-version"));
        assertThat(unloadable.getStatus()).isEqualTo(422);
        assertThat(unloadable.getDetail()).isEqualTo("popularity@2026-12-04T10-00-00Z does not load: bad magic bytes");
    }

    @Test
    void namesFrameworkProblemsWithACurioUrn() throws Exception {
        ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("DELETE", "/v1/recommendations"));

        ResponseEntity<Object> response = this.handler.handleException(
                new HttpRequestMethodNotSupportedException(HttpMethod.DELETE.name()), request);

        assertThat(response.getBody()).isInstanceOfSatisfying(ProblemDetail.class, (problem) -> assertThat(
                problem.getType()).isEqualTo(URI.create("urn:curio:problem:method-not-allowed")));
    }

}
