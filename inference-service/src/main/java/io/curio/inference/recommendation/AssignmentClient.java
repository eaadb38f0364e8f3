package io.curio.inference.recommendation;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks abtest-service which variant serves a reader on a surface.
 */
public class AssignmentClient {

    private static final Logger logger = LoggerFactory.getLogger(AssignmentClient.class);

    private final RestClient abtest;

    public AssignmentClient(RestClient abtest) {
        this.abtest = abtest;
    }

    /** The assignment, or empty when abtest-service does not answer in time. */
    public Optional<Assignment> assign(String userId, String surface, String plan) {
        try {
            return Optional.ofNullable(this.abtest.get()
                .uri("/internal/assignments?userId={userId}&surface={surface}&plan={plan}", userId, surface, plan)
                .retrieve()
                .body(Assignment.class));
        }
        catch (RestClientException ex) {
            logger.debug("No assignment for surface {}", surface, ex);
            return Optional.empty();
        }
    }

}
