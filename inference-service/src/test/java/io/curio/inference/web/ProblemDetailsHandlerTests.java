package io.curio.inference.web;

import java.net.URI;

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
    void namesFrameworkProblemsWithACurioUrn() throws Exception {
        ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("DELETE", "/v1/recommendations"));

        ResponseEntity<Object> response = this.handler.handleException(
                new HttpRequestMethodNotSupportedException(HttpMethod.DELETE.name()), request);

        assertThat(response.getBody()).isInstanceOfSatisfying(ProblemDetail.class, (problem) -> assertThat(
                problem.getType()).isEqualTo(URI.create("urn:curio:problem:method-not-allowed")));
    }

}
