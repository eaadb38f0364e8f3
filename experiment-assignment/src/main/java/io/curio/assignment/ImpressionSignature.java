package io.curio.assignment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that an impression was logged by inference-service and not written by a client: an HMAC-SHA256, keyed
 * with a secret only inference-service and abtest-service hold, over the facts the experiment and canary
 * measurements read. abtest-service counts an impression only when its signature verifies, so nobody able to
 * post events can add lists to an experiment or a canary, or change what a list showed.
 *
 * <p>
 * The signed message is every fact in a fixed order, each as its UTF-8 length, a colon and its bytes ({@code -1:}
 * for an absent one), so no two different sets of facts give the same message. The signature is URL-safe
 * base64 without padding.
 */
public final class ImpressionSignature {

    private static final String ALGORITHM = "HmacSHA256";

    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public ImpressionSignature(String key) {
        if (key == null || key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The impression signing key must be at least " + MIN_KEY_BYTES
                    + " bytes long");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature of an impression's facts. */
    public String sign(Facts facts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(message(facts)));
    }

    /** Whether a signature was made with this key over exactly these facts; {@code false} for {@code null}. */
    public boolean verifies(Facts facts, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(signature);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        return MessageDigest.isEqual(mac(message(facts)), presented);
    }

    private byte[] mac(byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(this.key);
            return mac.doFinal(message);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }

    private static byte[] message(Facts facts) {
        StringBuilder message = new StringBuilder();
        for (String fact : facts.inOrder()) {
            if (fact == null) {
                message.append("-1:");
            }
            else {
                message.append(fact.getBytes(StandardCharsets.UTF_8).length).append(':').append(fact);
            }
        }
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What an impression says about the list it logs, as found in the event: its {@code requestId} and
     * {@code userId}, and {@code properties.surface}, {@code experiment}, {@code variant}, {@code algorithm},
     * {@code modelVersion}, {@code degraded}, {@code canary.id}, {@code canary.arm} and {@code bookIds} (in order).
     *
     * @param requestId the list's request id
     * @param userId the reader
     * @param surface where it was shown
     * @param experiment the experiment key, or {@code null}
     * @param variant the variant, or {@code null}
     * @param algorithm the algorithm that served
     * @param modelVersion the version that served
     * @param degraded whether the list was a fallback
     * @param canaryId the canary's id, or {@code null}
     * @param canaryArm the canary arm ({@link CanaryArm#value()}), or {@code null}
     * @param bookIds the shown books, top first
     */
    public record Facts(String requestId, String userId, String surface, String experiment, String variant,
            String algorithm, String modelVersion, boolean degraded, String canaryId, String canaryArm,
            List<String> bookIds) {

        public Facts {
            bookIds = List.copyOf(bookIds);
        }

        List<String> inOrder() {
            List<String> head = Arrays.asList(this.requestId, this.userId, this.surface, this.experiment,
                    this.variant, this.algorithm, this.modelVersion, Boolean.toString(this.degraded), this.canaryId,
                    this.canaryArm, Integer.toString(this.bookIds.size()));
            List<String> all = new ArrayList<>(head);
            all.addAll(this.bookIds);
            return all;
        }

    }

}
