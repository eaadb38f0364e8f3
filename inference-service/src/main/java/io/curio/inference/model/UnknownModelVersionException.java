package io.curio.inference.model;

/**
 * Thrown when an operator names a version that is malformed, not in the registry or incomplete.
 */
public class UnknownModelVersionException extends RuntimeException {

    public UnknownModelVersionException(Algorithm algorithm, String version) {
        super(algorithm.modelName() + " has no complete version " + quoted(version)
                + " in the registry (versions look like 2026-12-04T10-00-00Z)");
    }

    private static String quoted(String version) {
        return "'" + ((version.length() > 64) ? version.substring(0, 64) + "…" : version) + "'";
    }

}
