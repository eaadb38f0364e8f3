package io.curio.inference.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a variant names its model: {@code algorithm} (the newest version) or {@code algorithm@version}.
 *
 * @param algorithm the algorithm
 * @param version a registry version, or {@code null} for the newest
 */
public record ModelSpec(Algorithm algorithm, String version) {

    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z");

    /** Whether a name has the shape of a registry version, such as {@code 2026-12-04T10-00-00Z}. */
    public static boolean isVersion(String name) {
        return name != null && VERSION.matcher(name).matches();
    }

    /** Parses a model name; empty when the algorithm is unknown or the version is malformed. */
    public static Optional<ModelSpec> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int at = name.indexOf('@');
        String algorithm = (at < 0) ? name : name.substring(0, at);
        String version = (at < 0) ? null : name.substring(at + 1);
        if (version != null && !VERSION.matcher(version).matches()) {
            return Optional.empty();
        }
        return Algorithm.fromModelName(algorithm).map((known) -> new ModelSpec(known, version));
    }

    @Override
    public String toString() {
        return (this.version != null) ? this.algorithm.modelName() + "@" + this.version : this.algorithm.modelName();
    }

}
