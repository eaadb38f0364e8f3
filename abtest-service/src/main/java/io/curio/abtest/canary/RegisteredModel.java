package io.curio.abtest.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * An algorithm in inference-service's model registry.
 *
 * @param algorithm the algorithm
 * @param serving the version it serves, or {@code null}
 * @param versions its versions
 */
public record RegisteredModel(String algorithm, String serving, List<RegisteredVersion> versions) {

    public RegisteredModel {
        versions = List.copyOf(versions);
    }

    static RegisteredModel of(JsonNode model) {
        List<RegisteredVersion> versions = new ArrayList<>();
        for (JsonNode version : model.path("versions")) {
            versions.add(new RegisteredVersion(text(version.path("version")),
                    version.path("complete").asBoolean(false)));
        }
        return new RegisteredModel(text(model.path("algorithm")), text(model.path("serving")),
                versions);
    }

    /** A JSON string's value, or {@code null} for anything else. */
    static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }

    public Optional<RegisteredVersion> version(String version) {
        return this.versions.stream().filter((candidate) -> version.equals(candidate.version())).findFirst();
    }

    /**
     * @param version the version
     * @param complete whether all its artifacts were written
     */
    public record RegisteredVersion(String version, boolean complete) {
    }

}
