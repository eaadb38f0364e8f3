package io.curio.abtest.canary;

/**
 * A canary request refused for a reason the caller can act on; nothing changed.
 */
public class CanaryRefusedException extends RuntimeException {

    private final Refusal refusal;

    private final String field;

    CanaryRefusedException(Refusal refusal, String field, String message) {
        super((field != null) ? field + ": " + message : message);
        this.refusal = refusal;
        this.field = field;
    }

    public Refusal refusal() {
        return this.refusal;
    }

    /** The request field to blame, or {@code null}. */
    public String field() {
        return this.field;
    }

    /**
     * Why a request was refused, with the HTTP status and problem type it is answered with.
     *
     * @see #status()
     */
    public enum Refusal {

        /** The request is invalid, or the model registry does not offer the version. */
        INVALID(400, "invalid-request"),

        /** No canary has the id. */
        NOT_FOUND(404, "canary-not-found"),

        /** A canary of the algorithm is in progress, or the canary is over. */
        CONFLICT(409, "canary-conflict"),

        /** inference-service's model registry could not be asked. */
        REGISTRY_UNAVAILABLE(503, "model-registry-unavailable");

        private final int status;

        private final String type;

        Refusal(int status, String type) {
            this.status = status;
            this.type = type;
        }

        public int status() {
            return this.status;
        }

        public String type() {
            return this.type;
        }

    }

}
