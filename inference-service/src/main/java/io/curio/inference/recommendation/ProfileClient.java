package io.curio.inference.recommendation;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads a reader's recent history and attributes from feature-service.
 */
public class ProfileClient {

    private static final Logger logger = LoggerFactory.getLogger(ProfileClient.class);

    private final RestClient features;

    public ProfileClient(RestClient features) {
        this.features = features;
    }

    /** The history, or empty when feature-service does not answer in time. */
    public Optional<UserHistory> history(String userId) {
        try {
            return Optional.ofNullable(this.features.get()
                .uri("/internal/users/{userId}/profile", userId)
                .retrieve()
                .body(UserHistory.class));
        }
        catch (RestClientException ex) {
            logger.debug("No profile from feature-service", ex);
            return Optional.empty();
        }
    }

}
