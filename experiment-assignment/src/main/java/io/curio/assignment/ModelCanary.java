package io.curio.assignment;

/**
 * A canary of a new model version: a sticky share of the users served an algorithm get the candidate version,
 * the others the baseline. The share only grows while the canary holds, so nobody leaves the candidate.
 *
 * @param id the canary's id
 * @param algorithm the algorithm whose served version is being replaced
 * @param candidateVersion the new version
 * @param baselineVersion the version served when the canary began
 * @param percent the share of users given the candidate, 0..100
 */
public record ModelCanary(String id, String algorithm, String candidateVersion, String baselineVersion,
        int percent) {

    /** Which arm of the canary a user is in. */
    public CanaryArm armOf(String userId) {
        return (VariantAssignment.canaryBucket(this.id, userId) < this.percent * 100) ? CanaryArm.CANDIDATE
                : CanaryArm.BASELINE;
    }

    /** The version a user in the arm is served. */
    public String versionFor(CanaryArm arm) {
        return (arm == CanaryArm.CANDIDATE) ? this.candidateVersion : this.baselineVersion;
    }

}
